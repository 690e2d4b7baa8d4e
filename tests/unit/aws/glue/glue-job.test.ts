import { createHash } from "node:crypto";
import {
  AccessDeniedException,
  ConcurrentRunsExceededException,
  CreateJobCommand,
  EntityNotFoundException,
  GetJobCommand,
  GlueClient,
  StartJobRunCommand,
  UpdateJobCommand,
} from "@aws-sdk/client-glue";
import { HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import {
  ensureJob,
  GlueJobSettingsSchema,
  startRun,
  type TransformSpec,
  uploadScript,
  uploadSpec,
} from "../../../../pipeline/aws/glue";
import { LakebookError } from "../../../../pipeline/contract";

const glueClient = new GlueClient({ region: "us-east-1" });
const s3Client = new S3Client({ region: "us-east-1" });
const glue = mockClient(glueClient);
const s3 = mockClient(s3Client);
const ROLE = "arn:aws:iam::123456789012:role/LakebookGlue";
const SCRIPT = "s3://lakebook-data-lake/lakebook/_lakebook/glue/scripts/lakebook_transform.py";

/** The course's job, exactly as CreateJob and UpdateJob send it. */
const COURSE_JOB = {
  Description: "Lakebook transform cells (one run per cell run; the cell's spec is --spec).",
  Role: ROLE,
  Command: { Name: "glueetl", ScriptLocation: SCRIPT, PythonVersion: "3" },
  GlueVersion: "5.0",
  WorkerType: "G.1X",
  NumberOfWorkers: 2,
  Timeout: 60,
  MaxRetries: 0,
  ExecutionProperty: { MaxConcurrentRuns: 1 },
  DefaultArguments: {
    "--job-language": "python",
    "--enable-continuous-cloudwatch-log": "true",
    "--enable-metrics": "true",
    "--enable-glue-datacatalog": "true",
  },
};

beforeEach(() => {
  glue.reset();
  s3.reset();
});

describe("ensureJob", () => {
  it("creates the job with the course's defaults when GetJob finds none", async () => {
    glue.on(GetJobCommand).rejects(new EntityNotFoundException({ message: "not found", $metadata: {} }));
    glue.on(CreateJobCommand).resolves({ Name: "lakebook-transform" });
    const settings = GlueJobSettingsSchema.parse({ role: ROLE });
    expect(await ensureJob(glueClient, settings, SCRIPT)).toBe("created");
    expect(glue.commandCalls(GetJobCommand)[0]?.args[0].input).toEqual({ JobName: "lakebook-transform" });
    expect(glue.commandCalls(CreateJobCommand)[0]?.args[0].input).toEqual({
      Name: "lakebook-transform",
      ...COURSE_JOB,
    });
    expect(glue.commandCalls(UpdateJobCommand)).toHaveLength(0);
  });

  it("updates an existing job with the whole definition, edited settings included", async () => {
    glue.on(GetJobCommand).resolves({ Job: { Name: "movies-job" } });
    glue.on(UpdateJobCommand).resolves({ JobName: "movies-job" });
    const settings = GlueJobSettingsSchema.parse({
      jobName: "movies-job",
      role: ROLE,
      workerType: "G.2X",
      numberOfWorkers: 5,
      timeoutMinutes: 30,
      defaultArguments: { "--conf": "spark.sql.shuffle.partitions=8" },
    });
    expect(await ensureJob(glueClient, settings, SCRIPT)).toBe("updated");
    expect(glue.commandCalls(UpdateJobCommand)[0]?.args[0].input).toEqual({
      JobName: "movies-job",
      JobUpdate: {
        ...COURSE_JOB,
        WorkerType: "G.2X",
        NumberOfWorkers: 5,
        Timeout: 30,
        DefaultArguments: { ...COURSE_JOB.DefaultArguments, "--conf": "spark.sql.shuffle.partitions=8" },
      },
    });
    expect(glue.commandCalls(CreateJobCommand)).toHaveLength(0);
  });

  it("names the IAM actions when CreateJob is denied", async () => {
    glue.on(GetJobCommand).rejects(new EntityNotFoundException({ message: "not found", $metadata: {} }));
    glue.on(CreateJobCommand).rejects(new AccessDeniedException({ message: "denied", $metadata: {} }));
    const error = await ensureJob(glueClient, GlueJobSettingsSchema.parse({ role: ROLE }), SCRIPT).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(LakebookError);
    expect(error.code).toBe("GLUE_ACCESS_DENIED");
    expect(error.hint).toContain("glue:CreateJob");
    expect(error.hint).toContain("iam:PassRole");
  });

  it("refuses settings outside Glue's limits before calling AWS", () => {
    expect(GlueJobSettingsSchema.safeParse({ role: ROLE, numberOfWorkers: 1 }).success).toBe(false);
    expect(GlueJobSettingsSchema.safeParse({ role: ROLE, workerType: "G.3X" }).success).toBe(false);
    expect(GlueJobSettingsSchema.safeParse({}).success).toBe(false);
  });
});

describe("startRun", () => {
  it("passes the spec's URI as --spec and returns the run id", async () => {
    glue.on(StartJobRunCommand).resolves({ JobRunId: "jr_1" });
    expect(await startRun(glueClient, "lakebook-transform", "s3://b-k/spec.json")).toBe("jr_1");
    expect(glue.commandCalls(StartJobRunCommand)[0]?.args[0].input).toEqual({
      JobName: "lakebook-transform",
      Arguments: { "--spec": "s3://b-k/spec.json" },
    });
  });

  it("says to wait or raise MaxConcurrentRuns when the job is busy", async () => {
    glue
      .on(StartJobRunCommand)
      .rejects(new ConcurrentRunsExceededException({ message: "busy", $metadata: {} }));
    const error = await startRun(glueClient, "lakebook-transform", "s3://b-k/s.json").catch((e) => e);
    expect(error.code).toBe("GLUE_CONCURRENT_RUNS");
    expect(error.retryable).toBe(true);
    expect(error.hint).toContain("maxConcurrentRuns");
  });
});

describe("uploadScript and uploadSpec", () => {
  const target = { bucket: "lakebook-data-lake", prefix: "lakebook/" };
  const body = "print('hello')\n";
  const sha = createHash("sha256").update(body).digest("hex");

  it("uploads a script S3 does not have, with its SHA-256", async () => {
    s3.on(HeadObjectCommand).rejects(new NotFound({ message: "NotFound", $metadata: {} }));
    s3.on(PutObjectCommand).resolves({});
    const uploaded = await uploadScript(s3Client, target, { fileName: "lakebook_transform.py", body });
    expect(uploaded).toEqual({ uri: SCRIPT, uploaded: true });
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: "lakebook-data-lake",
      Key: "lakebook/_lakebook/glue/scripts/lakebook_transform.py",
      Body: body,
      ContentType: "text/x-python",
      Metadata: { sha256: sha },
    });
  });

  it("skips the upload when the stored script has the same SHA-256, not when it differs", async () => {
    s3.on(HeadObjectCommand)
      .resolvesOnce({ Metadata: { sha256: sha } })
      .resolves({ Metadata: { sha256: "old" } });
    s3.on(PutObjectCommand).resolves({});
    expect((await uploadScript(s3Client, target, { fileName: "lakebook_transform.py", body })).uploaded).toBe(
      false,
    );
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect((await uploadScript(s3Client, target, { fileName: "lakebook_transform.py", body })).uploaded).toBe(
      true,
    );
  });

  it("keeps a user's script apart from the runner", async () => {
    s3.on(HeadObjectCommand).rejects(new NotFound({ message: "NotFound", $metadata: {} }));
    s3.on(PutObjectCommand).resolves({});
    const uploaded = await uploadScript(
      s3Client,
      { bucket: "b-k" },
      { fileName: "mine.py", body, custom: true },
    );
    expect(uploaded.uri).toBe("s3://b-k/_lakebook/glue/scripts/user/mine.py");
  });

  it("stores each run's spec under its cell and time", async () => {
    s3.on(PutObjectCommand).resolves({});
    const spec = { cellId: "fact ratings", sql: "SELECT 1" } as TransformSpec;
    const uri = await uploadSpec(s3Client, target, spec, new Date("2026-01-05T10:00:00.000Z"));
    expect(uri).toBe(
      "s3://lakebook-data-lake/lakebook/_lakebook/glue/specs/fact_ratings/2026-01-05T10-00-00-000Z.json",
    );
    const input = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(JSON.parse(String(input?.Body))).toEqual(spec);
    expect(input?.ContentType).toBe("application/json");
  });
});
