import { describe, expect, it } from "vitest";
import { Semaphore } from "../../../../../pipeline/stages/tmdb/client/semaphore";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("Semaphore", () => {
  it("admits at most `limit` holders and serves waiters in order", async () => {
    const semaphore = new Semaphore(2);
    const order: number[] = [];
    const a = await semaphore.acquire();
    const b = await semaphore.acquire();
    const waiting = [3, 4, 5].map((n) =>
      semaphore.acquire().then((release) => {
        order.push(n);
        return release;
      }),
    );
    await tick();
    expect(semaphore.inUse).toBe(2);
    expect(semaphore.queued).toBe(3);
    expect(order).toEqual([]);
    a();
    await tick();
    expect(order).toEqual([3]);
    b();
    await tick();
    expect(order).toEqual([3, 4]);
    expect(semaphore.inUse).toBe(2);
    for (const release of await Promise.all(waiting.slice(0, 2))) release();
    const last = await waiting[2];
    last?.();
    expect(semaphore.inUse).toBe(0);
  });

  it("ignores a second release of the same slot", async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    release();
    release();
    expect(semaphore.inUse).toBe(0);
    const again = await semaphore.acquire();
    expect(semaphore.inUse).toBe(1);
    again();
  });

  it("drops a waiter whose signal aborts, without taking a slot", async () => {
    const semaphore = new Semaphore(1);
    const held = await semaphore.acquire();
    const controller = new AbortController();
    const waiting = semaphore.acquire(controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    expect(semaphore.queued).toBe(0);
    held();
    expect(semaphore.inUse).toBe(0);
    await expect(semaphore.acquire(controller.signal)).rejects.toThrow("stop");
  });
});
