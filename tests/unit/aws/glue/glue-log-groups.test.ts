import { CloudWatchLogsClient, FilterLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  CreateJobCommand,
  EntityNotFoundException,
  GetJobCommand,
  GetJobRunCommand,
  GlueClient,
  StartJobRunCommand,
} from "@aws-sdk/client-glue";
import { HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { type GlueLogLine, isSparkErrorLine, runGlueTransform } from "../../../../pipeline/aws/glue";

const clients = {
  glue: new GlueClient({ region: "us-east-1" }),
  s3: new S3Client({ region: "us-east-1" }),
  logs: new CloudWatchLogsClient({ region: "us-east-1" }),
};
const glue = mockClient(clients.glue);
const s3 = mockClient(clients.s3);
const logs = mockClient(clients.logs);

beforeEach(() => {
  for (const mock of [glue, s3, logs]) mock.reset();
  s3.on(HeadObjectCommand).rejects(new NotFound({ message: "NotFound", $metadata: {} }));
  s3.on(PutObjectCommand).resolves({});
  glue.on(GetJobCommand).rejects(new EntityNotFoundException({ message: "none", $metadata: {} }));
  glue.on(CreateJobCommand).resolves({});
  glue.on(StartJobRunCommand).resolves({ JobRunId: "jr_4" });
  glue.on(GetJobRunCommand).resolves({ JobRun: { JobRunState: "SUCCEEDED", ExecutionTime: 60 } });
  logs.on(FilterLogEventsCommand).resolves({ events: [] });
});

const spec = {
  cellId: "t",
  sql: "SELECT 1 AS x",
  inputs: {},
  output: {
    database: "trusted" as const,
    table: "t",
    path: "s3://b/Trusted/Local/Parquet/t/",
    partitionBy: [],
    mode: "overwrite" as const,
  },
};

function runOn(glueVersion: string, onLog: (line: GlueLogLine) => void) {
  return runGlueTransform({
    spec,
    target: { bucket: "b", prefix: "", job: { role: "LakebookGlue", glueVersion } },
    clients,
    sleep: async () => undefined,
    readScript: async () => "# runner\n",
    scriptPath: "/x/my_job.py",
    onLog,
  });
}

describe("the Glue run's log groups", () => {
  it("follows the continuous log /aws-glue/jobs/logs-v2 on Glue 4.0, whose ERROR lines are Spark's errors", async () => {
    // Continuous logging (Glue 4.0 and earlier; the job sets --enable-continuous-cloudwatch-log)
    // streams driver and executor logs to /aws-glue/jobs/logs-v2 in the log4j pattern
    // `%d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n`:
    // https://docs.aws.amazon.com/glue/latest/dg/monitor-continuous-logging-enable.html
    // https://docs.aws.amazon.com/cdk/api/v1/docs/@aws-cdk_aws-glue.ContinuousLoggingProps.html
    logs.on(FilterLogEventsCommand, { logGroupName: "/aws-glue/jobs/logs-v2" }).resolves({
      events: [
        {
          eventId: "c1",
          timestamp: 3,
          message: "26/01/05 10:00:02 INFO SparkContext: Running",
          logStreamName: "jr_4-driver",
        },
        {
          eventId: "c2",
          timestamp: 4,
          message: "26/01/05 10:00:03 ERROR FileFormatWriter: Aborting",
          logStreamName: "jr_4-driver",
        },
      ],
    });
    const lines: GlueLogLine[] = [];
    await runOn("4.0", (line) => lines.push(line));
    expect(lines.map((line) => [line.group, isSparkErrorLine(line)])).toEqual([
      ["continuous", false],
      ["continuous", true],
    ]);
    const groups = logs.commandCalls(FilterLogEventsCommand).map((call) => call.args[0].input.logGroupName);
    expect(new Set(groups)).toEqual(
      new Set(["/aws-glue/jobs/output", "/aws-glue/jobs/error", "/aws-glue/jobs/logs-v2"]),
    );
  });

  it("does not ask for logs-v2 on Glue 5.0, which logs in real time to /output and /error", async () => {
    // https://docs.aws.amazon.com/glue/latest/dg/monitor-continuous-logging.html
    await runOn("5.0", () => undefined);
    const groups = logs.commandCalls(FilterLogEventsCommand).map((call) => call.args[0].input.logGroupName);
    expect(new Set(groups)).toEqual(new Set(["/aws-glue/jobs/output", "/aws-glue/jobs/error"]));
    expect(isSparkErrorLine({ group: "error", message: "anything" })).toBe(true);
    expect(isSparkErrorLine({ group: "output", message: "ERROR in my print" })).toBe(false);
  });
});
