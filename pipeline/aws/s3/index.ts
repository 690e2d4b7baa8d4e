/** S3: the one client configuration, the requests of the ingest's resumable multipart upload, the target's bucket check. */
export { type BucketFacts, checkBucket } from "./head-bucket";
export {
  abortUpload,
  isNoSuchUpload,
  isUnsupported,
  listStoredParts,
  listUploadsOf,
  type StoredPart,
  type StoredParts,
} from "./multipart-requests";
export {
  bareEtag,
  completeMultipartUpload,
  deleteObject,
  type Encryption,
  etagIsMd5,
  headObject,
  isConditionalConflict,
  isPreconditionFailed,
  type ObjectFacts,
  type ObjectRef,
  putWholeObject,
  type S3Send,
  startMultipartUpload,
  type UploadRef,
  uploadPart,
} from "./object-requests";
export { createS3Client, type S3ClientSettings } from "./s3-client";
export { putIfAbsent, readSmallObject } from "./small-objects";
