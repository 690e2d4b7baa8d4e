/**
 * The client-side rate limit: a token bucket that refills `ratePerSecond` tokens a second up to
 * `burst`. Pure: the caller passes the time, so tests drive it with a fake clock.
 *
 * `reserve` always succeeds and says how long to wait: the token is taken now (the count may go
 * negative), which queues callers in arrival order without a timer inside the bucket.
 */
export interface TokenBucketOptions {
  ratePerSecond: number;
  /** Tokens that may be spent at once after a quiet spell; at least 1. */
  burst: number;
}

export class TokenBucket {
  private readonly rate: number;
  private readonly burst: number;
  private tokens: number;
  private last: number | undefined;

  constructor(options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0)) throw new RangeError("ratePerSecond must be positive");
    this.rate = options.ratePerSecond;
    this.burst = Math.max(1, options.burst);
    this.tokens = this.burst;
  }

  /** Takes one token at `nowMs`; returns the milliseconds to wait before using it (0 = at once). */
  reserve(nowMs: number): number {
    this.refill(nowMs);
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.rate);
  }

  /** Tokens available at `nowMs` (negative while reservations are queued). */
  available(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens;
  }

  private refill(nowMs: number): void {
    if (this.last !== undefined && nowMs > this.last) {
      this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.last) * this.rate) / 1000);
    }
    if (this.last === undefined || nowMs > this.last) this.last = nowMs;
  }
}
