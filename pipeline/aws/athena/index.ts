export {
  type AthenaCost,
  type AthenaCostEstimate,
  athenaCost,
  billedBytes,
  describeAthenaCost,
  estimateAthenaCost,
  formatBytes,
  formatUsd,
  MINIMUM_BILLED_BYTES,
  type ScannedTable,
  TERABYTE,
  USD_PER_TB,
} from "./athena-cost";
export {
  athenaCancelledElsewhere,
  athenaQueryFailed,
  athenaSdkError,
  CTAS_LOCATION_ENFORCED,
  ENFORCED_WORKGROUP_FIX,
} from "./athena-errors";
export {
  type AthenaPolling,
  type AthenaQueryOptions,
  type AthenaQueryResult,
  type AthenaQueryState,
  type AthenaStateChange,
  type AthenaStatistics,
  DEFAULT_POLLING,
  runAthenaQuery,
  waitForQuery,
} from "./athena-query";
export { type AthenaSend, MAX_ATHENA_PAGE } from "./athena-results";
export { type AthenaSettings, AthenaSettingsSchema } from "./athena-settings";
export { athenaColumns, athenaValue } from "./athena-values";
export { readWorkGroup, type WorkGroupFacts } from "./workgroup";
