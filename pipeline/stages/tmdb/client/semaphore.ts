/**
 * Bounded concurrency: at most `limit` holders at once, waiters served first come, first served.
 * A waiter whose signal aborts leaves the queue without taking a slot.
 */
export class Semaphore {
  private active = 0;
  private readonly waiters: { grant: () => void; reject: (reason: unknown) => void }[] = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError("concurrency must be at least 1");
  }

  /** Resolves with a release function once a slot is free; call it exactly once (extra calls are ignored). */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve(this.releaser());
        },
        reject,
      };
      const onAbort = () => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  get inUse(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiters.length;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      // The slot passes straight to the next waiter, so `active` stays the same.
      if (next) next.grant();
      else this.active--;
    };
  }
}
