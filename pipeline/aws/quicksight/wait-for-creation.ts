import { LakebookError } from "../../contract/errors";
import { POLL_AGAIN, pollWithBackoff } from "../poll";
import type { Sleep } from "../sleep";

/** One Describe* answer reduced to what polling needs. */
export interface CreationState {
  status: string | undefined;
  errors: { Type?: string | undefined; Message?: string | undefined }[];
}

export interface WaitOptions {
  /** "the dashboard lakebook-horror-subgenres (version 2)": said in progress and in errors. */
  what: string;
  describe: () => Promise<CreationState>;
  sleep: Sleep;
  signal?: AbortSignal;
  /** Seconds between polls grow from first to max; QuickSight builds a dashboard in seconds to minutes. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Give up after this many polls (the default is about ten minutes at the max delay). */
  maxPolls?: number;
  onStatus?: (status: string) => void;
}

const IN_PROGRESS = new Set(["CREATION_IN_PROGRESS", "UPDATE_IN_PROGRESS"]);
const SUCCEEDED = new Set(["CREATION_SUCCESSFUL", "UPDATE_SUCCESSFUL"]);

/**
 * Polls until QuickSight says *_SUCCESSFUL (returned) or *_FAILED (thrown with every error QuickSight
 * listed, Type and Message, since a failed definition usually names the column or visual at fault).
 * A *_SUCCESSFUL answer that still lists `Errors` is a failure too: Describe* report `Errors` beside
 * `Status`, not instead of it (DashboardVersion.Errors, Analysis.Errors:
 * https://docs.aws.amazon.com/quicksight/latest/APIReference/API_DashboardVersion.html,
 * https://docs.aws.amazon.com/quicksight/latest/APIReference/API_Analysis.html), and a version built
 * with a COLUMN_TYPE_MISMATCH shows broken visuals.
 */
export async function waitForCreation(options: WaitOptions): Promise<string> {
  const { what, describe, signal } = options;
  const maxPolls = options.maxPolls ?? 150;
  const backoff = {
    firstDelayMs: options.firstDelayMs ?? 1000,
    maxDelayMs: options.maxDelayMs ?? 5000,
    sleep: options.sleep,
    signal,
  };
  return pollWithBackoff(backoff, async (turn) => {
    if (turn.number >= maxPolls) {
      throw new LakebookError("QUICKSIGHT_TIMEOUT", `QuickSight is still building ${what}.`, {
        hint: "Open QuickSight to see when it is ready, or publish again later: the ids stay the same.",
        retryable: true,
      });
    }
    if (signal?.aborted) {
      throw new LakebookError("CANCELLED", `Stopped waiting for ${what}.`, {
        hint: "QuickSight goes on building it; publishing again picks it up.",
      });
    }
    const state = await describe();
    const status = state.status ?? "UNKNOWN";
    options.onStatus?.(status);
    if (SUCCEEDED.has(status)) {
      if (state.errors.length > 0) throw creationFailed(what, `${status}, with errors`, state.errors);
      return status;
    }
    if (!IN_PROGRESS.has(status)) throw creationFailed(what, status, state.errors);
    return POLL_AGAIN;
  });
}

/** "CREATION_FAILED: COLUMN_TYPE_MISMATCH: …; DATA_SET_NOT_FOUND: …" */
export function creationFailed(what: string, status: string, errors: CreationState["errors"]): LakebookError {
  const listed = errors.map((e) => `${e.Type ?? "ERROR"}: ${e.Message ?? "no message"}`);
  return new LakebookError(
    "QUICKSIGHT_CREATION_FAILED",
    `QuickSight could not build ${what} (${status})${listed.length ? `:\n- ${listed.join("\n- ")}` : "."}`,
    {
      hint:
        "A COLUMN_* error names a field the chart uses that the dataset lacks or types differently: check the chart's " +
        "encoding against the SQL cell's columns. DATA_SET_NOT_FOUND or ACCESS_DENIED: publish again after the preflight passes.",
    },
  );
}
