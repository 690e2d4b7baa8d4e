import { CloudWatchLogsClient, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  CreateJobCommand,
  EntityNotFoundException,
  GetJobCommand,
  GetJobRunCommand,
  GetTableCommand,
  GlueClient,
  StartJobRunCommand,
} from "@aws-sdk/client-glue";
import { HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { awsClients } from "../../../../pipeline/aws/clients";
import { GlueTables, glueJobRolePolicy } from "../../../../pipeline/aws/glue";
import { GLUE_JOB_ROLE } from "../../../../pipeline/aws/iam";
import { GlueCatalog } from "../../../../pipeline/catalog";
import type { AwsTarget } from "../../../../pipeline/document";
import { transformStage } from "../../../../pipeline/stages/transform";
import { type IngestBench, ingestBench } from "../ingest/helpers";

const target: AwsTarget = {
  kind: "aws",
  bucket: "horror-lake",
  region: "eu-west-1",
  prefix: "lake",
  glueRole: "LakebookGlue",
};
const glue = mockClient(GlueClient);
const s3 = mockClient(S3Client);
const logs = mockClient(CloudWatchLogsClient);

const CELL = `-- output: trusted.movies
-- inputs:
--   movies: { path: Raw/Local/CSV/Movies/2026/11/25/, format: csv, options: { sep: "|", header: "true" } }
SELECT id FROM movies`;

let bench: IngestBench;
beforeEach(async () => {
  bench = await ingestBench();
  for (const mock of [glue, s3, logs]) mock.reset();
  s3.on(HeadObjectCommand).rejects(new NotFound({ message: "NotFound", $metadata: {} }));
  s3.on(PutObjectCommand).resolves({});
  glue.on(GetJobCommand).rejects(new EntityNotFoundException({ message: "none", $metadata: {} }));
  glue.on(CreateJobCommand).resolves({});
  glue.on(StartJobRunCommand).resolves({ JobRunId: "jr_9" });
  glue.on(GetTableCommand).rejects(new EntityNotFoundException({ message: "none", $metadata: {} }));
});
afterEach(async () => {
  await bench.close();
});

function run(source = CELL) {
  const clients = awsClients({ region: "eu-west-1" });
  const catalog = new GlueCatalog({
    tables: new GlueTables({ client: clients.glue(), bucket: "horror-lake", prefix: "lake/" }),
  });
  const cell = { id: "trusted_movies", kind: "transform", attrs: [], source };
  return withoutWaiting(() => transformStage.run(cell, bench.context({ target, catalog, aws: clients })));
}

/**
 * Runs `work` with its waits skipped: the stage polls Glue and, when no result line came, looks at
 * the logs four more times 3 s apart (12 s of nothing per run). The clock is moved to each next
 * timer as soon as one is set, until the work settles.
 */
async function withoutWaiting<T>(work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  try {
    let settled = false;
    const running = work();
    const stop = () => {
      settled = true;
    };
    running.then(stop, stop);
    while (!settled) {
      await vi.advanceTimersToNextTimerAsync();
      // Real I/O (the script read, the mocked calls' promises) gets its turn between two jumps.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return await running;
  } finally {
    vi.useRealTimers();
  }
}

describe("the Glue job role", () => {
  it("is given one minimal policy built from the action list, shown in the transform's output", async () => {
    glue.on(GetJobRunCommand).resolves({ JobRun: { JobRunState: "SUCCEEDED", ExecutionTime: 60 } });
    logs.on(FilterLogEventsCommand).resolves({ events: [] });
    const outcome = await run();
    const policy = glueJobRolePolicy({ bucket: "horror-lake", prefix: "lake/", region: "eu-west-1" });
    const actions = policy.Statement.flatMap((statement) => statement.Action);
    // What AWSGlueServiceRole lacks for the runner: the catalog writes and S3 on the lake.
    for (const action of [
      "glue:CreateDatabase",
      "glue:CreateTable",
      "glue:UpdateTable",
      "glue:BatchCreatePartition",
    ]) {
      expect(actions).toContain(action);
    }
    const resources = policy.Statement.flatMap((statement) => statement.Resource);
    expect(resources).toContain("arn:aws:s3:::horror-lake/lake/_lakebook/glue/*");
    expect(resources).toContain("arn:aws:s3:::horror-lake/lake/Trusted/*");
    expect(resources).toContain("arn:aws:glue:eu-west-1:*:table/refined/*");
    expect(policy.Statement.map((statement) => statement.Sid)).toEqual(
      GLUE_JOB_ROLE.map((list) => list.purpose),
    );
    const output = outcome.output as { type: string; notes: string[] };
    expect(output.notes.join("\n")).toContain(JSON.stringify(policy, null, 2));
  });

  it("hands the policy in the hint when Glue could not start the run", async () => {
    glue.on(GetJobRunCommand).resolves({
      JobRun: {
        JobRunState: "ERROR",
        ErrorMessage: "Access denied to s3://horror-lake/lake/_lakebook/glue/",
      },
    });
    logs.on(FilterLogEventsCommand).resolves({ events: [] });
    const error = await run().catch((e) => e);
    expect(error.code).toBe("GLUE_JOB_ERROR");
    expect(error.hint).toContain('"glue:CreateDatabase"');
    expect(error.hint).toContain("arn:aws:s3:::horror-lake/lake/_lakebook/glue/*");
  });

  it("shows Spark's error log (/aws-glue/jobs/error) as warnings", async () => {
    glue.on(GetJobRunCommand).resolves({ JobRun: { JobRunState: "SUCCEEDED", ExecutionTime: 60 } });
    logs.on(FilterLogEventsCommand).resolves({ events: [] });
    // Glue 5.0 writes Spark's own logs to /aws-glue/jobs/error, the script's stdout to /output:
    // https://docs.aws.amazon.com/glue/latest/dg/monitor-continuous-logging.html
    logs.on(FilterLogEventsCommand, { logGroupName: "/aws-glue/jobs/error" }).resolves({
      events: [
        {
          eventId: "e1",
          timestamp: 2,
          message: "26/01/05 10:00:01 ERROR Executor: task failed",
          logStreamName: "jr_9-driver",
        },
      ],
    });
    await run();
    expect(bench.logs).toContain("warn: 26/01/05 10:00:01 ERROR Executor: task failed");
  });
});
