import { BatchStopJobRunCommand, GetJobRunCommand, GlueClient, type JobRun } from "@aws-sdk/client-glue";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { followRun, type Sleep } from "../../../../pipeline/aws/glue";

const glueClient = new GlueClient({ region: "us-east-1" });
const glue = mockClient(glueClient);

/** Answers GetJobRun with these runs in turn (the last one repeats). */
function runs(...states: Partial<JobRun>[]) {
  let call = glue.on(GetJobRunCommand);
  for (const state of states) call = call.resolvesOnce({ JobRun: { Id: "jr_1", ...state } });
  call.resolves({ JobRun: { Id: "jr_1", ...states.at(-1) } });
}

/** An instant sleep that records the delays and whether it was given the cancel signal. */
function fakeSleep() {
  const calls: { ms: number; withSignal: boolean }[] = [];
  const sleep: Sleep = async (ms, signal) => {
    calls.push({ ms, withSignal: signal !== undefined });
  };
  return { sleep, calls };
}

beforeEach(() => glue.reset());

describe("followRun", () => {
  it("reports every state change, WAITING included, until SUCCEEDED, with growing waits", async () => {
    runs(
      { JobRunState: "STARTING" },
      { JobRunState: "STARTING" },
      { JobRunState: "WAITING" },
      { JobRunState: "RUNNING" },
      { JobRunState: "RUNNING" },
      { JobRunState: "RUNNING" },
      { JobRunState: "RUNNING" },
      { JobRunState: "SUCCEEDED", ExecutionTime: 95 },
    );
    const states: string[] = [];
    const { sleep, calls } = fakeSleep();
    const run = await followRun(glueClient, {
      jobName: "lakebook-transform",
      runId: "jr_1",
      sleep,
      onState: (state) => states.push(state),
    });
    expect(run.ExecutionTime).toBe(95);
    expect(states).toEqual(["STARTING", "WAITING", "RUNNING", "SUCCEEDED"]);
    expect(calls.map((c) => c.ms)).toEqual([2000, 3000, 4500, 6750, 10125, 15000, 15000]);
    expect(glue.commandCalls(GetJobRunCommand)[0]?.args[0].input).toEqual({
      JobName: "lakebook-transform",
      RunId: "jr_1",
    });
  });

  it("calls onPoll after every poll, so logs stream while the run goes", async () => {
    runs({ JobRunState: "RUNNING" }, { JobRunState: "SUCCEEDED" });
    const polled: string[] = [];
    await followRun(glueClient, {
      jobName: "j",
      runId: "jr_1",
      sleep: fakeSleep().sleep,
      onPoll: async (run) => {
        polled.push(run.JobRunState ?? "");
      },
    });
    expect(polled).toEqual(["RUNNING", "SUCCEEDED"]);
  });

  it("turns FAILED into GLUE_JOB_FAILED with Glue's ErrorMessage and a hint about the SQL", async () => {
    runs(
      { JobRunState: "RUNNING" },
      {
        JobRunState: "FAILED",
        ErrorMessage:
          "AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] The table or view `movie` cannot be found.",
      },
    );
    const error = await followRun(glueClient, {
      jobName: "j",
      runId: "jr_1",
      sleep: fakeSleep().sleep,
    }).catch((e) => e);
    expect(error.code).toBe("GLUE_JOB_FAILED");
    expect(error.message).toContain("TABLE_OR_VIEW_NOT_FOUND");
    expect(error.hint).toContain("inputs");
  });

  it.each([
    ["TIMEOUT", "GLUE_JOB_TIMEOUT", false],
    ["ERROR", "GLUE_JOB_ERROR", true],
    ["EXPIRED", "GLUE_JOB_EXPIRED", true],
    ["STOPPED", "GLUE_JOB_STOPPED", false],
  ] as const)("turns %s into %s", async (state, code, retryable) => {
    runs({ JobRunState: "STARTING" }, { JobRunState: state, ErrorMessage: "why" });
    const error = await followRun(glueClient, {
      jobName: "j",
      runId: "jr_1",
      sleep: fakeSleep().sleep,
    }).catch((e) => e);
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.message).toContain("why");
  });

  it("stops the run with BatchStopJobRun when cancelled and follows it to STOPPED", async () => {
    runs(
      { JobRunState: "RUNNING" },
      { JobRunState: "STOPPING" },
      { JobRunState: "STOPPING" },
      { JobRunState: "STOPPED" },
    );
    glue.on(BatchStopJobRunCommand).resolves({ SuccessfulSubmissions: [{ JobName: "j", JobRunId: "jr_1" }] });
    const controller = new AbortController();
    const calls: { withSignal: boolean }[] = [];
    const sleep: Sleep = async (_ms, signal) => {
      calls.push({ withSignal: signal !== undefined });
      controller.abort();
    };
    const states: string[] = [];
    const error = await followRun(glueClient, {
      jobName: "j",
      runId: "jr_1",
      signal: controller.signal,
      sleep,
      onState: (state) => states.push(state),
    }).catch((e) => e);
    expect(error.code).toBe("GLUE_CANCELLED");
    expect(glue.commandCalls(BatchStopJobRunCommand)).toHaveLength(1);
    expect(glue.commandCalls(BatchStopJobRunCommand)[0]?.args[0].input).toEqual({
      JobName: "j",
      JobRunIds: ["jr_1"],
    });
    expect(states).toEqual(["RUNNING", "STOPPING", "STOPPED"]);
    // Only the wait before the cancel listens to the signal; after it, waits are real pauses.
    expect(calls.map((c) => c.withSignal)).toEqual([true, false, false]);
  });

  it("reports a run that succeeded before the stop took effect as succeeded", async () => {
    runs({ JobRunState: "SUCCEEDED" });
    glue.on(BatchStopJobRunCommand).resolves({ Errors: [{ JobRunId: "jr_1" }] });
    const controller = new AbortController();
    controller.abort();
    const run = await followRun(glueClient, {
      jobName: "j",
      runId: "jr_1",
      signal: controller.signal,
      sleep: fakeSleep().sleep,
    });
    expect(run.JobRunState).toBe("SUCCEEDED");
  });
});
