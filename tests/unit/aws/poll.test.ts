import { describe, expect, it } from "vitest";
import { POLL_AGAIN, pollWithBackoff } from "../../../pipeline/aws/poll";

describe("pollWithBackoff", () => {
  it("waits ×1.5 up to the cap between polls and returns the first answer", async () => {
    const sleeps: number[] = [];
    const answer = await pollWithBackoff(
      { firstDelayMs: 1000, maxDelayMs: 3000, sleep: async (ms) => void sleeps.push(ms) },
      async (turn) => (turn.number < 4 ? POLL_AGAIN : "done"),
    );
    expect(answer).toBe("done");
    expect(sleeps).toEqual([1000, 1500, 2250, 3000]);
  });

  it("starts the waits over when a poll says so (progress seen)", async () => {
    const sleeps: number[] = [];
    await pollWithBackoff(
      { firstDelayMs: 100, maxDelayMs: 1000, factor: 2, sleep: async (ms) => void sleeps.push(ms) },
      async (turn) => {
        if (turn.number === 2) turn.restartBackoff();
        return turn.number < 3 ? POLL_AGAIN : true;
      },
    );
    expect(sleeps).toEqual([100, 200, 100]);
  });

  it("lets a sleep that rejects on abort end the wait; the next poll sees the signal", async () => {
    const controller = new AbortController();
    const polls: boolean[] = [];
    const error = await pollWithBackoff(
      {
        firstDelayMs: 10,
        maxDelayMs: 10,
        signal: controller.signal,
        sleep: async () => {
          controller.abort();
          throw new Error("aborted");
        },
      },
      async () => {
        polls.push(controller.signal.aborted);
        if (controller.signal.aborted) throw new Error("CANCELLED");
        return POLL_AGAIN;
      },
    ).catch((e: Error) => e.message);
    expect(error).toBe("CANCELLED");
    expect(polls).toEqual([false, true]);
  });

  it("reads a signal given as a function before every wait", async () => {
    const seen: (AbortSignal | undefined)[] = [];
    const controller = new AbortController();
    let stopped = false;
    await pollWithBackoff(
      {
        firstDelayMs: 1,
        maxDelayMs: 1,
        signal: () => (stopped ? undefined : controller.signal),
        sleep: async (_ms, signal) => void seen.push(signal),
      },
      async (turn) => {
        if (turn.number === 1) stopped = true;
        return turn.number < 2 ? POLL_AGAIN : "ok";
      },
    );
    expect(seen).toEqual([controller.signal, undefined]);
  });
});
