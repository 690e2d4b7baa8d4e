import type { TmdbResult } from "../client";

/**
 * What the enrichment needs from the TMDB client (`../client/`), and nothing more, so tests can
 * hand it an in-memory fake. The client owns rate limiting, concurrency bounds, retries, the cache
 * and the credentials; a result never carries the key.
 */
export type { TmdbResult };

export interface TmdbGetter {
  get<T>(
    path: string,
    query?: Record<string, string>,
    options?: { signal?: AbortSignal },
  ): Promise<TmdbResult<T>>;
}

/** The request log summary of a run, as seen through `TmdbGetter`. */
export interface RequestLog {
  /** Calls made (a call the client answered from its cache counts here and in `cacheHits`). */
  requests: number;
  cacheHits: number;
  /** Retries the client reported on calls that finally failed (`attempts - 1`). */
  retries: number;
  failed: number;
  notFound: number;
}

export function emptyRequestLog(): RequestLog {
  return { requests: 0, cacheHits: 0, retries: 0, failed: 0, notFound: 0 };
}

export function addRequestLogs(a: RequestLog, b: RequestLog): RequestLog {
  return {
    requests: a.requests + b.requests,
    cacheHits: a.cacheHits + b.cacheHits,
    retries: a.retries + b.retries,
    failed: a.failed + b.failed,
    notFound: a.notFound + b.notFound,
  };
}

/** Wraps a getter so every call is counted into `log`. */
export function countingGetter(getter: TmdbGetter, log: RequestLog): TmdbGetter {
  return {
    async get<T>(path: string, query?: Record<string, string>, options?: { signal?: AbortSignal }) {
      log.requests += 1;
      let result: TmdbResult<T>;
      try {
        result = await getter.get<T>(path, query, options);
      } catch (error) {
        log.failed += 1;
        throw error;
      }
      if (result.ok) {
        if (result.fromCache) log.cacheHits += 1;
      } else {
        log.retries += Math.max(0, result.attempts - 1);
        if (result.reason === "not_found") log.notFound += 1;
        else log.failed += 1;
      }
      return result;
    },
  };
}
