/**
 * Stage 1's CSV checks: the streaming validator of the challenge's movies.csv / series.csv
 * (see README.md). Everything else in the ingest stage imports from here.
 */
export type { ColumnType } from "./column-types";
export { HEADER_MAX_BYTES } from "./head";
export { DATASET_COLUMNS, detectDataset } from "./header";
export { PREVIEW_ROWS } from "./record-checks";
export { CSV_REFUSAL_CODES, type CsvRefusalCode, isCsvRefusal } from "./refusals";
export {
  CSV_WARNING_CODES,
  type CsvPreview,
  type CsvReport,
  type CsvWarning,
  type CsvWarningCode,
} from "./report";
export { SCAN_LIMITS } from "./scan-types";
export { type RecordSplitter, splitRecords } from "./split-records";
export { ChallengeCsvValidator, type ValidateOptions, validateChallengeCsv } from "./validate";
export { WARNING_CAPS } from "./warnings";
