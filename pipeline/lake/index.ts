/** The lake: zones and path conventions, safe keys, and the ObjectStore over a folder or a bucket. */

export {
  type AtomicWriteOptions,
  isTempFile,
  type WriteFileAtomicOptions,
  writeAtomically,
  writeFileAtomic,
} from "./atomic-write";
export { crashPoint } from "./crash-point";
export * from "./dataset-columns";
export type { SwapFollowUp } from "./folder-swap";
export { describeKey, explainKeyProblem, type KeyDescription } from "./key-reading";
export { assertSafeKey, assertSafePrefix, isSafeKey, keyProblem, MAX_KEY_BYTES } from "./keys";
export { LocalFolderStore, TEMP_FOLDER } from "./local-store";
export {
  bodyChunks,
  type ObjectBody,
  type ObjectInfo,
  type ObjectStore,
  type PutOptions,
  readAll,
} from "./object-store";
export {
  assertPlainFileName,
  assertTableName,
  DATASET_FOLDER,
  type Dataset,
  formatDateIso,
  formatDatePath,
  isTableName,
  joinKey,
  LAKE_SOURCES,
  type LakeSource,
  type ProcessingDate,
  parseProcessingDate,
  partitionSegment,
  processingDateOf,
  RAW_CSV_ROOT,
  RAW_TMDB_ROOT,
  rawCsvKey,
  rawTmdbKey,
  refinedTablePrefix,
  TRUSTED_FORMAT_FOLDER,
  trustedTablePrefix,
  writtenTablePrefix,
  ZONE_FOLDER,
  zoneOfKey,
} from "./paths";
export { type LeftoverFolders, type Recovery, recoverAfterCrash } from "./recover";
export { createS3Client, type S3ClientSettings } from "./s3-client";
export { redactSecrets, type S3ErrorContext, s3Error } from "./s3-errors";
export { S3Store, type S3StoreOptions } from "./s3-store";
