/** The TMDB enrichment as an AWS Lambda function: the handler, its zip, and the run that drives it. */
export { type TmdbLambdaEvent, TmdbLambdaEventSchema } from "./event";
export {
  createEnrichHandler,
  type EnrichHandler,
  type EnrichHandlerOptions,
  handler,
  type LambdaContextLike,
} from "./handler";
export { type Lease, type LeaseOutcome, leaseKey, takeLease } from "./lease";
export { type LambdaPackage, packageTmdbLambda, tmdbLambdaPackage } from "./package";
export { DEFAULT_STATUS_POLLING, type StatusPolling } from "./poll-status";
export { type LambdaRunStatus, lambdaRunKey } from "./run-files";
export { runTmdbOnLambda, type TmdbLambdaRunOptions } from "./run-on-lambda";
export { TMDB_SECRET_NAME } from "./tmdb-secret";
