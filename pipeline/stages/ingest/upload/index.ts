/** Putting a validated CSV into RAW: the local lake through its store, S3 through a resumable multipart loop. */
import { type ObjectStore, S3Store } from "../../../lake";
import { StoreUploader } from "./local-upload";
import { S3Uploader, type S3UploadTuning } from "./s3-upload";
import type { RawUploader } from "./uploader";

export {
  CHECKPOINT_FOLDER,
  type Checkpoint,
  checkpointPath,
  readCheckpoint,
  writeCheckpoint,
} from "./checkpoint";
export { StoreUploader } from "./local-upload";
export { multipartEtag } from "./multipart-etag";
export { DEFAULT_PART_SIZE, partRanges, planPartSize } from "./part-plan";
export {
  classifyFailure,
  DEFAULT_RETRY_POLICY,
  type FailureKind,
  type RetryPolicy,
  retryDecision,
} from "./retry-policy";
export { S3Uploader, type S3UploadTuning } from "./s3-upload";
export { digesting, SourceDigest } from "./source-digest";
export type { RawUploader, UploadOutcome, ValidatedSource } from "./uploader";

/** The uploader for this lake; `stateDir` (`.lakebook/` beside the notebook) holds S3 checkpoints. */
export function uploaderFor(store: ObjectStore, stateDir: string, tuning?: S3UploadTuning): RawUploader {
  return store instanceof S3Store ? new S3Uploader(store, stateDir, tuning) : new StoreUploader(store);
}
