import {
  BatchStopJobRunCommand,
  GetJobRunCommand,
  type GlueClient,
  type JobRun,
  type JobRunState,
} from "@aws-sdk/client-glue";
import { POLL_AGAIN, pollWithBackoff } from "../poll";
import type { Sleep } from "../sleep";
import { glueCancelled, glueError, jobRunError } from "./glue-errors";

/** States after which a run never changes again. */
export const FINAL_STATES: ReadonlySet<JobRunState> = new Set<JobRunState>([
  "SUCCEEDED",
  "FAILED",
  "TIMEOUT",
  "ERROR",
  "EXPIRED",
  "STOPPED",
]);

export interface FollowRunOptions {
  jobName: string;
  runId: string;
  /** Fires: the run is stopped with BatchStopJobRun and followed until Glue says STOPPED. */
  signal?: AbortSignal;
  /** Every state change (STARTING, RUNNING, WAITING, STOPPING, …), with the run as Glue reports it. */
  onState?: (state: JobRunState, run: JobRun) => void;
  /** After every poll, e.g. to fetch new log lines; its errors end the follow. */
  onPoll?: (run: JobRun) => Promise<void>;
  sleep?: Sleep;
  /** First wait between polls; grows by half each time up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Polls GetJobRun until the run ends. Returns the run when it SUCCEEDED; throws GLUE_CANCELLED when
 * it was stopped on request, and the run's own error (GLUE_JOB_FAILED, …, with Glue's ErrorMessage)
 * for every other ending.
 */
export async function followRun(glue: GlueClient, options: FollowRunOptions): Promise<JobRun> {
  const { jobName, runId, signal } = options;
  let lastState: JobRunState | undefined;
  let stopRequested = false;
  const backoff = {
    firstDelayMs: options.initialDelayMs ?? 2_000,
    maxDelayMs: options.maxDelayMs ?? 15_000,
    sleep: options.sleep,
    // Once the stop is sent the signal has fired; waiting on it again would spin without pause.
    signal: () => (stopRequested ? undefined : signal),
  };
  return pollWithBackoff(backoff, async () => {
    if (signal?.aborted && !stopRequested) {
      stopRequested = true;
      await stopRun(glue, jobName, runId);
    }
    const run = await getRun(glue, jobName, runId);
    const state = run.JobRunState;
    if (state && state !== lastState) {
      lastState = state;
      options.onState?.(state, run);
    }
    await options.onPoll?.(run);
    if (!state || !FINAL_STATES.has(state)) return POLL_AGAIN;
    if (state === "SUCCEEDED") return run;
    if (stopRequested && state === "STOPPED") throw glueCancelled();
    throw jobRunError(run);
  });
}

async function getRun(glue: GlueClient, jobName: string, runId: string): Promise<JobRun> {
  try {
    const found = await glue.send(new GetJobRunCommand({ JobName: jobName, RunId: runId }));
    if (!found.JobRun) throw new Error(`GetJobRun returned no run for ${runId}`);
    return found.JobRun;
  } catch (error) {
    throw glueError(error, { action: `read the run ${runId} of ${jobName}`, iamAction: "glue:GetJobRun" });
  }
}

/** BatchStopJobRun; a run that already ended is reported in Errors, which is fine: we poll anyway. */
export async function stopRun(glue: GlueClient, jobName: string, runId: string): Promise<void> {
  try {
    await glue.send(new BatchStopJobRunCommand({ JobName: jobName, JobRunIds: [runId] }));
  } catch (error) {
    throw glueError(error, {
      action: `stop the run ${runId} of ${jobName}`,
      iamAction: "glue:BatchStopJobRun",
    });
  }
}
