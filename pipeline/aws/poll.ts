import { realSleep, type Sleep } from "./sleep";

/** How long to wait between polls: `firstDelayMs`, then ×`factor` (1.5 by default) up to `maxDelayMs`. */
export interface Backoff {
  firstDelayMs: number;
  maxDelayMs: number;
  factor?: number;
}

/** What one poll says: the awaited value, or "ask again after the next wait". */
export const POLL_AGAIN: unique symbol = Symbol("poll again");

export interface PollTurn {
  /** 0 for the first poll. */
  number: number;
  /** The next wait starts from `firstDelayMs` again (e.g. the job reported progress). */
  restartBackoff(): void;
}

export interface PollOptions extends Backoff {
  /** Injected so tests never wait; the default ends early when the signal fires. */
  sleep?: Sleep | undefined;
  /**
   * Wakes a wait early. The poll itself decides what an abort means (stop the job, throw CANCELLED);
   * a function is read before every wait, for a loop that keeps polling after it asked to stop.
   */
  signal?: AbortSignal | (() => AbortSignal | undefined) | undefined;
}

/**
 * The one polling loop of the AWS adapters (Glue runs, Athena queries, QuickSight builds, Lambda
 * state, the TMDB Lambda's status file): calls `poll` until it returns something other than
 * POLL_AGAIN, waiting longer each time. `poll` throws to stop (failed, cancelled, timed out).
 */
export async function pollWithBackoff<T>(
  options: PollOptions,
  poll: (turn: PollTurn) => Promise<T | typeof POLL_AGAIN>,
): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const factor = options.factor ?? 1.5;
  let delay = options.firstDelayMs;
  const turn: PollTurn = {
    number: 0,
    restartBackoff: () => {
      delay = options.firstDelayMs;
    },
  };
  for (;;) {
    const answer = await poll(turn);
    if (answer !== POLL_AGAIN) return answer;
    const signal = typeof options.signal === "function" ? options.signal() : options.signal;
    try {
      await sleep(delay, signal);
    } catch (error) {
      // A sleep that rejects on abort only ends the wait early: the next poll sees the signal.
      if (!signal?.aborted) throw error;
    }
    delay = Math.min(options.maxDelayMs, Math.round(delay * factor));
    turn.number += 1;
  }
}
