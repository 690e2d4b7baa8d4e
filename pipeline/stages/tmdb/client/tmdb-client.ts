import { retryWithJitter } from "../../../aws/retry";
import { LakebookError } from "../../../contract/errors";
import { authorize, redactUrl, scrubSecret, type TmdbCredentials } from "./credentials";
import type { ResponseCache } from "./response-cache";
import { type AttemptFailure, describeFailure, retryDecision } from "./retry-policy";
import { Semaphore } from "./semaphore";
import { TokenBucket } from "./token-bucket";

export const DEFAULT_TMDB_BASE_URL = "https://api.themoviedb.org/3";

/** What the client reports for progress (requests/s, retries). URLs in events never carry credentials. */
export type TmdbClientEvent =
  | { type: "request"; url: string; attempt: number }
  | { type: "retry"; url: string; attempt: number; delayMs: number; reason: string }
  | { type: "cacheHit"; url: string }
  | { type: "failed"; url: string; status: number; reason: "not_found" | "unauthorized" | "failed" };

export interface TmdbClientOptions {
  /** Default: `TMDB_API_BASE` or https://api.themoviedb.org/3. */
  baseUrl?: string;
  credentials: TmdbCredentials;
  /** Client-side rate limit; default 40. */
  requestsPerSecond?: number;
  /** Requests in flight at once; default 8. */
  concurrency?: number;
  /** Attempts per request, the first included; default 5. */
  maxAttempts?: number;
  /** Per attempt, headers and body; default 15000. */
  timeoutMs?: number;
  cache?: ResponseCache;
  onEvent?: (event: TmdbClientEvent) => void;
  /** In [0, 1); default Math.random. */
  random?: () => number;
  /** Waits between attempts and for the rate limit; default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Clock of the rate limit and of Retry-After dates; default Date.now. */
  now?: () => number;
}

export type TmdbResult<T = unknown> =
  | { ok: true; status: number; body: T; fromCache: boolean }
  | {
      ok: false;
      status: number;
      reason: "not_found" | "unauthorized" | "failed";
      message: string;
      attempts: number;
    };

export interface TmdbClientStats {
  requests: number;
  retries: number;
  cacheHits: number;
  failed: number;
}

type AttemptOutcome = { ok: true; status: number; body: unknown } | { ok: false; failure: AttemptFailure };

/**
 * TMDB API v3 over fetch. Every fault ends as a result (`ok: false`), never a throw; the only
 * throw is the caller's own cancel (LakebookError CANCELLED).
 */
export class TmdbClient {
  private readonly baseUrl: string;
  private readonly credentials: TmdbCredentials;
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;
  private readonly cache: ResponseCache | undefined;
  private readonly onEvent: (event: TmdbClientEvent) => void;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly bucket: TokenBucket;
  private readonly slots: Semaphore;
  private readonly counts: TmdbClientStats = { requests: 0, retries: 0, cacheHits: 0, failed: 0 };

  constructor(options: TmdbClientOptions) {
    this.baseUrl = (options.baseUrl ?? process.env.TMDB_API_BASE ?? DEFAULT_TMDB_BASE_URL).replace(
      /\/+$/,
      "",
    );
    this.credentials = options.credentials;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.cache = options.cache;
    this.onEvent = options.onEvent ?? (() => {});
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    const concurrency = Math.max(1, options.concurrency ?? 8);
    const rate = options.requestsPerSecond ?? 40;
    this.bucket = new TokenBucket({ ratePerSecond: rate, burst: Math.min(concurrency, rate) });
    this.slots = new Semaphore(concurrency);
  }

  /** The URL a path + query is requested at, without credentials: also the cache key. */
  urlFor(path: string, query: Record<string, string> = {}): string {
    const url = new URL(`${this.baseUrl}/${path.replace(/^\/+/, "")}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    url.searchParams.sort();
    return redactUrl(url);
  }

  stats(): TmdbClientStats {
    return { ...this.counts };
  }

  async get<T>(
    path: string,
    query: Record<string, string> = {},
    options: { signal?: AbortSignal } = {},
  ): Promise<TmdbResult<T>> {
    const { signal } = options;
    const url = this.urlFor(path, query);
    throwIfCancelled(signal);
    const cached = await this.readCache(url);
    if (cached) {
      this.counts.cacheHits++;
      this.emit({ type: "cacheHit", url });
      return { ok: true, status: 200, body: cached.body as T, fromCache: true };
    }

    let outcome: Extract<AttemptOutcome, { ok: true }>;
    try {
      outcome = await retryWithJitter({
        attempt: async (attempt) => {
          const answer = await this.attemptOnce(url, attempt, signal);
          if (!answer.ok) throw new FailedAttempt(answer.failure, attempt);
          return answer;
        },
        delayAfter: (error, attempt) => {
          if (!(error instanceof FailedAttempt)) return undefined;
          const decision = retryDecision(error.failure, attempt, this.maxAttempts, this.random(), this.now());
          return decision.retry ? decision.delayMs : undefined;
        },
        onRetry: (error, attempt, delayMs) => {
          this.counts.retries++;
          const reason = describeFailure((error as FailedAttempt).failure);
          this.emit({ type: "retry", url, attempt, delayMs, reason });
        },
        sleep: (ms) => this.wait(ms, signal),
      });
    } catch (error) {
      if (error instanceof FailedAttempt) return this.fail(url, error.failure, error.attempt);
      throw error;
    }
    await this.writeCache(url, outcome.body);
    return { ok: true, status: outcome.status, body: outcome.body as T, fromCache: false };
  }

  private async attemptOnce(url: string, attempt: number, signal?: AbortSignal): Promise<AttemptOutcome> {
    let release: () => void;
    try {
      release = await this.slots.acquire(signal);
    } catch {
      throw cancelled();
    }
    try {
      const delay = this.bucket.reserve(this.now());
      if (delay > 0) await this.wait(delay, signal);
      throwIfCancelled(signal);
      this.counts.requests++;
      this.emit({ type: "request", url, attempt });
      return await this.send(url, signal);
    } finally {
      release();
    }
  }

  private async send(url: string, signal?: AbortSignal): Promise<AttemptOutcome> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const request = authorize(new URL(url), this.credentials);
    try {
      const response = await fetch(request.url, { headers: request.headers, signal: combined });
      const text = await response.text();
      if (response.status === 200) {
        try {
          return { ok: true, status: 200, body: JSON.parse(text) };
        } catch {
          return { ok: false, failure: { kind: "bad_body", status: 200 } };
        }
      }
      if (response.ok) return { ok: true, status: response.status, body: parseOrText(text) };
      return {
        ok: false,
        failure: { kind: "status", status: response.status, retryAfter: response.headers.get("retry-after") },
      };
    } catch {
      if (signal?.aborted) throw cancelled();
      if (timeout.aborted) return { ok: false, failure: { kind: "timeout" } };
      return { ok: false, failure: { kind: "network" } };
    }
  }

  private fail(url: string, failure: AttemptFailure, attempts: number): TmdbResult<never> {
    const status = failure.kind === "status" || failure.kind === "bad_body" ? failure.status : 0;
    const reason = status === 404 ? "not_found" : status === 401 ? "unauthorized" : "failed";
    let message: string;
    if (reason === "unauthorized") {
      message =
        "TMDB refused the API key or read access token (401); check TMDB_API_KEY / TMDB_READ_ACCESS_TOKEN";
    } else if (reason === "not_found") {
      message = `TMDB has nothing at ${url} (404)`;
    } else {
      const tries = attempts === 1 ? "1 attempt" : `${attempts} attempts`;
      message = `TMDB request ${url} failed after ${tries}: ${describeFailure(failure)}`;
    }
    this.counts.failed++;
    this.emit({ type: "failed", url, status, reason });
    return { ok: false, status, reason, message: scrubSecret(message, this.credentials), attempts };
  }

  private async wait(ms: number, signal?: AbortSignal): Promise<void> {
    if (!signal) return this.sleep(ms);
    throwIfCancelled(signal);
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(cancelled());
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      await Promise.race([this.sleep(ms), aborted]);
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
  }

  private async readCache(url: string): Promise<{ body: unknown } | undefined> {
    if (!this.cache) return undefined;
    try {
      return await this.cache.get(url);
    } catch {
      return undefined;
    }
  }

  private async writeCache(url: string, body: unknown): Promise<void> {
    // A cache that cannot be written costs a request next time; it never fails this one.
    try {
      await this.cache?.put(url, body);
    } catch {}
  }

  private emit(event: TmdbClientEvent): void {
    try {
      this.onEvent(event);
    } catch {}
  }
}

/** A TMDB answer that is a fault (429, 5xx, timeout, …): thrown between tries, returned as a result at the end. */
class FailedAttempt {
  constructor(
    readonly failure: AttemptFailure,
    readonly attempt: number,
  ) {}
}

function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function cancelled(): LakebookError {
  return new LakebookError("CANCELLED", "The TMDB request was cancelled", { retryable: true });
}

function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelled();
}
