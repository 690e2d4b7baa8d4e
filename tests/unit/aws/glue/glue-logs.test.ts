import {
  AccessDeniedException,
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  ResourceNotFoundException,
} from "@aws-sdk/client-cloudwatch-logs";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { GlueLogFollower, parseResultLine } from "../../../../pipeline/aws/glue";

const logsClient = new CloudWatchLogsClient({ region: "us-east-1" });
const logs = mockClient(logsClient);
const OUTPUT = "/aws-glue/jobs/output";
const ERROR = "/aws-glue/jobs/error";

function event(id: string, timestamp: number, message: string, stream = "jr_1-driver") {
  return { eventId: id, timestamp, message, logStreamName: stream };
}

beforeEach(() => logs.reset());

describe("GlueLogFollower", () => {
  it("pages through FilterLogEvents with nextToken for both groups, filtered by the run id", async () => {
    logs
      .on(FilterLogEventsCommand, { logGroupName: OUTPUT })
      .resolvesOnce({ events: [event("o1", 100, "reading inputs\n")], nextToken: "page-2" })
      .resolvesOnce({ events: [event("o2", 300, "writing")] });
    logs
      .on(FilterLogEventsCommand, { logGroupName: ERROR })
      .resolves({ events: [event("e1", 200, "WARN spark")] });
    const follower = new GlueLogFollower(logsClient, "jr_1");
    const lines = await follower.poll();
    expect(lines.map((line) => [line.group, line.message])).toEqual([
      ["output", "reading inputs"],
      ["error", "WARN spark"],
      ["output", "writing"],
    ]);
    expect(logs.commandCalls(FilterLogEventsCommand).map((call) => call.args[0].input)).toEqual([
      { logGroupName: OUTPUT, logStreamNamePrefix: "jr_1" },
      { logGroupName: OUTPUT, logStreamNamePrefix: "jr_1", nextToken: "page-2" },
      { logGroupName: ERROR, logStreamNamePrefix: "jr_1" },
    ]);
  });

  it("asks again from the newest timestamp seen and drops the events it already gave", async () => {
    logs
      .on(FilterLogEventsCommand, { logGroupName: OUTPUT })
      .resolvesOnce({ events: [event("o1", 100, "a"), event("o2", 500, "b")] })
      .resolvesOnce({ events: [event("o2", 500, "b"), event("o3", 500, "c"), event("o4", 900, "d")] });
    logs.on(FilterLogEventsCommand, { logGroupName: ERROR }).resolves({ events: [] });
    const follower = new GlueLogFollower(logsClient, "jr_1");
    expect((await follower.poll()).map((line) => line.message)).toEqual(["a", "b"]);
    expect((await follower.poll()).map((line) => line.message)).toEqual(["c", "d"]);
    const outputCalls = logs
      .commandCalls(FilterLogEventsCommand)
      .map((call) => call.args[0].input)
      .filter((input) => input.logGroupName === OUTPUT);
    expect(outputCalls[1]).toEqual({ logGroupName: OUTPUT, logStreamNamePrefix: "jr_1", startTime: 500 });
  });

  it("has no lines yet when a log group does not exist", async () => {
    logs
      .on(FilterLogEventsCommand)
      .rejects(new ResourceNotFoundException({ message: "no group", $metadata: {} }));
    expect(await new GlueLogFollower(logsClient, "jr_1").poll()).toEqual([]);
  });

  it("names logs:FilterLogEvents when reading the logs is denied", async () => {
    logs.on(FilterLogEventsCommand).rejects(new AccessDeniedException({ message: "denied", $metadata: {} }));
    const error = await new GlueLogFollower(logsClient, "jr_1").poll().catch((e) => e);
    expect(error.code).toBe("GLUE_ACCESS_DENIED");
    expect(error.hint).toContain("logs:FilterLogEvents");
  });
});

describe("parseResultLine", () => {
  const result = {
    rows: 3,
    columns: [{ name: "id", type: "string" }],
    partitionKeys: [],
    partitions: 0,
    location: "s3://b-k/Trusted/t/jr_1/",
  };

  it("reads the runner's result line, wherever the logger put it in the message", () => {
    expect(parseResultLine(`LAKEBOOK_RESULT ${JSON.stringify(result)}`)).toEqual(result);
    expect(parseResultLine(`2026-01-05 10:00:00 INFO LAKEBOOK_RESULT ${JSON.stringify(result)}`)).toEqual(
      result,
    );
  });

  it("ignores other lines and malformed results", () => {
    expect(parseResultLine("INFO starting")).toBeUndefined();
    expect(parseResultLine("LAKEBOOK_RESULT {not json")).toBeUndefined();
    expect(parseResultLine('LAKEBOOK_RESULT {"rows":-1}')).toBeUndefined();
  });
});
