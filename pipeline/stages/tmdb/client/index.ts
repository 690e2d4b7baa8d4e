export { credentialsFromEnv, redactUrl, type TmdbCredentials, tmdbCredentials } from "./credentials";
export { DEFAULT_CACHE_TTL_MS, FileResponseCache, type ResponseCache } from "./response-cache";
export {
  type AttemptFailure,
  type BackoffPolicy,
  backoffDelay,
  DEFAULT_BACKOFF,
  parseRetryAfter,
  retryDecision,
} from "./retry-policy";
export { Semaphore } from "./semaphore";
export {
  DEFAULT_TMDB_BASE_URL,
  TmdbClient,
  type TmdbClientEvent,
  type TmdbClientOptions,
  type TmdbClientStats,
  type TmdbResult,
} from "./tmdb-client";
export { TokenBucket } from "./token-bucket";
