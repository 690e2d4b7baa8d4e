import { CloudWatchLogsClient, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  CreateJobCommand,
  EntityNotFoundException,
  GetJobCommand,
  GetJobRunCommand,
  GlueClient,
  StartJobRunCommand,
  UpdateJobCommand,
} from "@aws-sdk/client-glue";
import { HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { RUNNER_SCRIPT_PATH, runGlueTransform, type TransformSpec } from "../../../../pipeline/aws/glue";

const clients = {
  glue: new GlueClient({ region: "us-east-1" }),
  s3: new S3Client({ region: "us-east-1" }),
  logs: new CloudWatchLogsClient({ region: "us-east-1" }),
};
const glue = mockClient(clients.glue);
const s3 = mockClient(clients.s3);
const logs = mockClient(clients.logs);

const spec: TransformSpec = {
  cellId: "trusted_movies",
  sql: "SELECT id FROM movies",
  inputs: {
    movies: { path: "s3://lakebook-data-lake/Raw/Local/CSV/Movies/2026/01/05/", format: "csv", options: {} },
  },
  output: {
    database: "trusted",
    table: "movies",
    path: "s3://lakebook-data-lake/Trusted/Local/Parquet/movies/",
    partitionBy: [],
    mode: "overwrite",
  },
};
const target = { bucket: "lakebook-data-lake", prefix: "", job: { role: "LakebookGlue" } };
const RESULT = {
  rows: 7,
  columns: [{ name: "id", type: "string" }],
  partitionKeys: [],
  partitions: 0,
  location: "s3://lakebook-data-lake/Trusted/Local/Parquet/movies/jr_1/",
};

beforeEach(() => {
  glue.reset();
  s3.reset();
  logs.reset();
  s3.on(HeadObjectCommand).rejects(new NotFound({ message: "NotFound", $metadata: {} }));
  s3.on(PutObjectCommand).resolves({});
  glue.on(GetJobCommand).rejects(new EntityNotFoundException({ message: "none", $metadata: {} }));
  glue.on(CreateJobCommand).resolves({});
  glue.on(StartJobRunCommand).resolves({ JobRunId: "jr_1" });
});

const base = {
  spec,
  target,
  clients,
  sleep: async () => undefined,
  readScript: async (file: string) => `# ${file}\n`,
  now: () => new Date("2026-01-05T10:00:00.000Z"),
};

describe("runGlueTransform", () => {
  it("uploads, creates the job, runs it, streams its logs and reads the result and cost", async () => {
    glue
      .on(GetJobRunCommand)
      .resolvesOnce({ JobRun: { JobRunState: "STARTING" } })
      .resolvesOnce({ JobRun: { JobRunState: "RUNNING" } })
      .resolves({
        JobRun: { JobRunState: "SUCCEEDED", WorkerType: "G.1X", NumberOfWorkers: 2, ExecutionTime: 90 },
      });
    logs
      .on(FilterLogEventsCommand, { logGroupName: "/aws-glue/jobs/output" })
      .resolvesOnce({ events: [] })
      .resolves({
        events: [
          { eventId: "1", timestamp: 1, message: "reading movies", logStreamName: "jr_1" },
          {
            eventId: "2",
            timestamp: 2,
            message: `LAKEBOOK_RESULT ${JSON.stringify(RESULT)}`,
            logStreamName: "jr_1",
          },
        ],
      });
    logs.on(FilterLogEventsCommand, { logGroupName: "/aws-glue/jobs/error" }).resolves({ events: [] });
    const states: string[] = [];
    const lines: string[] = [];
    const outcome = await runGlueTransform({
      ...base,
      onState: (state) => states.push(state),
      onLog: (line) => lines.push(line.message),
    });
    expect(outcome).toEqual({
      runId: "jr_1",
      jobName: "lakebook-transform",
      state: "SUCCEEDED",
      executionSeconds: 90,
      dpuSeconds: 180,
      costUsd: (180 / 3600) * 0.44,
      result: RESULT,
      script: {
        uri: "s3://lakebook-data-lake/_lakebook/glue/scripts/lakebook_transform.py",
        uploaded: true,
        custom: false,
      },
    });
    expect(states).toEqual(["STARTING", "RUNNING", "SUCCEEDED"]);
    expect(lines).toEqual(["reading movies", `LAKEBOOK_RESULT ${JSON.stringify(RESULT)}`]);
    const puts = s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    expect(puts.map((put) => put.Key)).toEqual([
      "_lakebook/glue/scripts/lakebook_transform.py",
      "_lakebook/glue/specs/trusted_movies/2026-01-05T10-00-00-000Z.json",
    ]);
    expect(puts[0]?.Body).toBe(`# ${RUNNER_SCRIPT_PATH}\n`);
    expect(glue.commandCalls(CreateJobCommand)[0]?.args[0].input.Command?.ScriptLocation).toBe(
      outcome.script.uri,
    );
    expect(glue.commandCalls(StartJobRunCommand)[0]?.args[0].input.Arguments).toEqual({
      "--spec": "s3://lakebook-data-lake/_lakebook/glue/specs/trusted_movies/2026-01-05T10-00-00-000Z.json",
    });
  });

  it("runs a user's own script, updating the job that exists, without waiting for a result line", async () => {
    glue.on(GetJobCommand).resolves({ Job: { Name: "lakebook-transform" } });
    glue.on(UpdateJobCommand).resolves({});
    glue.on(GetJobRunCommand).resolves({ JobRun: { JobRunState: "SUCCEEDED" } });
    logs.on(FilterLogEventsCommand).resolves({ events: [] });
    const outcome = await runGlueTransform({ ...base, scriptPath: "/home/me/my_job.py" });
    expect(outcome.script).toEqual({
      uri: "s3://lakebook-data-lake/_lakebook/glue/scripts/user/my_job.py",
      uploaded: true,
      custom: true,
    });
    expect(outcome.result).toBeUndefined();
    expect(glue.commandCalls(UpdateJobCommand)[0]?.args[0].input.JobUpdate?.Command?.ScriptLocation).toBe(
      outcome.script.uri,
    );
    // One poll while following; no extra looks for a LAKEBOOK_RESULT a user's script need not print.
    expect(logs.commandCalls(FilterLogEventsCommand)).toHaveLength(2);
  });

  it("shows the error log's last lines, then throws the run's error", async () => {
    glue
      .on(GetJobRunCommand)
      .resolves({ JobRun: { Id: "jr_1", JobRunState: "FAILED", ErrorMessage: "boom" } });
    logs.on(FilterLogEventsCommand).resolves({ events: [] });
    logs
      .on(FilterLogEventsCommand, { logGroupName: "/aws-glue/jobs/error" })
      .resolvesOnce({ events: [] })
      .resolves({ events: [{ eventId: "e", timestamp: 5, message: "Traceback: boom" }] });
    const lines: string[] = [];
    const error = await runGlueTransform({ ...base, onLog: (line) => lines.push(line.message) }).catch(
      (e) => e,
    );
    expect(error.code).toBe("GLUE_JOB_FAILED");
    expect(lines).toEqual(["Traceback: boom"]);
  });

  it("starts nothing when cancelled, the script is unreadable or the settings are invalid", async () => {
    const controller = new AbortController();
    controller.abort();
    const cancelled = await runGlueTransform({ ...base, signal: controller.signal }).catch((e) => e);
    expect(cancelled.code).toBe("GLUE_CANCELLED");
    expect(glue.commandCalls(StartJobRunCommand)).toHaveLength(0);
    const unreadable = await runGlueTransform({
      ...base,
      scriptPath: "/nowhere.py",
      readScript: async () => {
        throw new Error("ENOENT");
      },
    }).catch((e) => e);
    expect(unreadable.code).toBe("GLUE_SCRIPT_UNREADABLE");
    expect(unreadable.message).toContain("/nowhere.py");
    const invalid = await runGlueTransform({ ...base, target: { ...target, job: { role: "" } } }).catch(
      (e) => e,
    );
    expect(invalid.code).toBe("GLUE_SETTINGS_INVALID");
    expect(invalid.message).toContain("role");
  });
});
