import { type Backoff, POLL_AGAIN, pollWithBackoff } from "../../../aws/poll";
import { NETWORK_CODES, sdkErrorShape } from "../../../aws/sdk-errors";
import type { Sleep } from "../../../aws/sleep";
import { LakebookError } from "../../../contract";
import type { ObjectStore } from "../../../lake";
import type { TmdbEnrichProgress } from "../enrich";
import { type LambdaRunStatus, LambdaRunStatusSchema, readRunFile } from "./run-files";

export interface StatusPolling extends Backoff {
  factor: number;
  /**
   * With no new status for this long the invocation is taken as lost: Lambda ended it without a
   * word (its time limit, out of memory, a crash). Above the function's timeout, so a quiet but
   * living invocation is never given up on.
   */
  silenceMs: number;
  sleep?: Sleep;
  now?: () => number;
}

export const DEFAULT_STATUS_POLLING: StatusPolling = {
  firstDelayMs: 1000,
  maxDelayMs: 10_000,
  factor: 1.5,
  silenceMs: 17 * 60_000,
};

/** Reads in a row that may find the status unreadable before the run is given up on. */
const MAX_UNREADABLE = 3;

export type FinalStatus = Exclude<LambdaRunStatus, { state: "running" }>;

/**
 * Reads `status.json` until invocation `invocation` has its final word (done, partial, failed),
 * with backoff; `running` counts go to `onProgress`. A status from an earlier invocation is not
 * this one's and is skipped. A cancel stops the waiting only: the invocation goes on in Lambda.
 */
export async function pollStatus(
  store: ObjectStore,
  key: string,
  target: { invocation: number; functionName: string },
  options: {
    polling: StatusPolling;
    signal?: AbortSignal;
    onProgress?: (progress: TmdbEnrichProgress) => void;
  },
): Promise<FinalStatus> {
  const { polling, signal } = options;
  const now = polling.now ?? Date.now;
  let lastWord = now();
  let lastUpdate: string | undefined;
  let unreadable = 0;
  return pollWithBackoff({ ...polling, signal }, async (turn) => {
    if (signal?.aborted) throw cancelled(target.functionName);
    let status: LambdaRunStatus | undefined;
    try {
      status = await readRunFile(store, key, LambdaRunStatusSchema);
      unreadable = 0;
    } catch (error) {
      // A read can meet the file mid-rewrite (S3-compatible servers) or a dropped connection: read it again.
      if (!readAgain(error) || ++unreadable >= MAX_UNREADABLE) throw error;
    }
    if (status && status.invocation === target.invocation) {
      if (status.state !== "running") return status;
      if (status.updatedAt !== lastUpdate) {
        lastUpdate = status.updatedAt;
        lastWord = now();
        turn.restartBackoff();
        options.onProgress?.(status.progress);
      }
    }
    if (now() - lastWord > polling.silenceMs) throw lost(target.functionName, polling.silenceMs);
    return POLL_AGAIN;
  });
}

function readAgain(error: unknown): boolean {
  return error instanceof LakebookError || NETWORK_CODES.has(sdkErrorShape(error).code ?? "");
}

function cancelled(functionName: string): LakebookError {
  return new LakebookError("CANCELLED", "Stopped waiting for the TMDB Lambda.", {
    hint: `The invocation already running in ${functionName} may still finish its titles; they are kept in the checkpoint, so running the cell again fetches only what is missing.`,
  });
}

function lost(functionName: string, silenceMs: number): LakebookError {
  return new LakebookError(
    "TMDB_LAMBDA_LOST",
    `The TMDB Lambda said nothing for ${Math.round(silenceMs / 60_000)} minutes: it ended without a status (time limit, memory or a crash).`,
    {
      hint: `See its log in CloudWatch Logs (/aws/lambda/${functionName}); raise lambda.memoryMb if it ran out of memory. Running the cell again goes on from the checkpoint.`,
      retryable: true,
    },
  );
}
