import type { SourceFile } from "../source-file";
import type { SourceDigest } from "./source-digest";

/** What the uploaders know about the source once it has been validated. */
export interface ValidatedSource {
  file: SourceFile;
  bytes: number;
  sha256: string;
  /** MD5s taken during validation; present when the uploader asked for them (S3). */
  digest?: SourceDigest;
}

export interface UploadOptions {
  signal?: AbortSignal;
  /** Bytes stored so far, counting parts an earlier run already stored; never decreasing. */
  onProgress?: (bytesStored: number) => void;
  log?: (level: "info" | "warn", text: string) => void;
}

export interface UploadOutcome {
  /** Parts stored by an earlier, interrupted run and not sent again (S3 only). */
  resumedParts: number;
  sentParts: number;
}

/**
 * Puts a validated CSV into RAW, on one kind of lake. The ingest runs: `holdsSame` (idempotency),
 * then `upload`, then `verify`; the object only counts as ingested when `verify` passes.
 */
export interface RawUploader {
  /** The part size the upload will use; validation takes one MD5 per part of this size. */
  digestPartSize(bytes: number): number | undefined;
  /** The object's key where the user looks it up: the bucket key (with prefix) or the lake key. */
  objectKey(key: string): string;
  /** `s3://bucket/key` or `file:///…/key`. */
  location(key: string): string;
  /** True when the object at `key` already holds exactly these bytes. */
  holdsSame(key: string, source: ValidatedSource, signal?: AbortSignal): Promise<boolean>;
  upload(key: string, source: ValidatedSource, options: UploadOptions): Promise<UploadOutcome>;
  /** Checks the stored object against the source; throws INGEST_VERIFY_FAILED (and removes it) if it differs. Returns how it checked. */
  verify(key: string, source: ValidatedSource, signal?: AbortSignal): Promise<string>;
}
