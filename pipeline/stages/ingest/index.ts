/**
 * Stage 1, ingest: the challenge's CSV files into the RAW zone, whole and unmodified (see README.md).
 * The cell kind is `ingest`; `lakebook ingest` uses the same pieces.
 */
export { boto3Script, explainRawKey, PLACEHOLDER_BUCKET } from "./boto3-script";
export { isCsvRefusal } from "./csv";
export { type IngestedCsv, type IngestRequest, ingestCsvFiles, type StoredRaw } from "./ingest-files";
export { ingestStage } from "./ingest-stage";
export { type CsvProfile, challengeCsvReader, profileCsv } from "./profile";
export { registerRawTables } from "./raw-table";
export { type IngestSettings, ingestDependencies, parseIngestSettings } from "./settings";
export { findSourceFile, type SourceFile } from "./source-file";
export type { S3UploadTuning } from "./upload";
