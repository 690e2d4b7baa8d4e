import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import {
  abortUpload,
  completeMultipartUpload,
  deleteObject,
  headObject,
  isNoSuchUpload,
  type ObjectFacts,
  putWholeObject,
} from "../../../aws/s3";
import { LakebookError } from "../../../contract";
import { type S3Store, s3Error } from "../../../lake";
import { checkpointPath, readCheckpoint, removeCheckpoint } from "./checkpoint";
import { multipartEtag } from "./multipart-etag";
import { partRanges, planPartSize } from "./part-plan";
import { type RetryRuntime, sleep, withRetries } from "./retry";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy";
import { readRange, sendMissingParts, sourceChanged } from "./s3-parts";
import { abortStaleUploads, openSession, type SessionContext } from "./s3-session";
import type { RawUploader, UploadOptions, UploadOutcome, ValidatedSource } from "./uploader";
import { verifyFailed } from "./verify-failed";

export interface S3UploadTuning {
  /** Preferred part size (default 8 MiB; below 5 MiB only works on servers that do not enforce S3's minimum). */
  partSize?: number;
  /** Parts in flight at once (default 4). */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told after each part is stored and checkpointed. */
  onPartStored?: (partNumber: number) => void;
}

const CONTENT_TYPE = "text/csv; charset=utf-8";
const DEFAULT_CONCURRENCY = 4;

/**
 * RAW in an S3 bucket, with a multipart loop of our own (lib-storage's `Upload` cannot resume):
 * every part is read from the file at its offset, checked against the MD5 taken while validating,
 * sent with Content-MD5, retried with backoff on throttling, 5xx and dropped connections, and
 * checkpointed under `.lakebook/` as soon as S3 confirms it. A rerun after an interruption sends
 * only the missing parts. The object appears under its key only when CompleteMultipartUpload
 * assembles it, whole. Files up to one part go in a single PutObject.
 */
export class S3Uploader implements RawUploader {
  private readonly retryPolicy: RetryPolicy;

  constructor(
    private readonly store: S3Store,
    private readonly stateDir: string,
    private readonly tuning: S3UploadTuning = {},
  ) {
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...tuning.retry };
  }

  digestPartSize(bytes: number): number {
    return planPartSize(bytes, this.tuning.partSize);
  }

  objectKey(key: string): string {
    return this.store.fullKey(key);
  }

  location(key: string): string {
    return `s3://${this.store.bucket}/${this.objectKey(key)}`;
  }

  async holdsSame(key: string, source: ValidatedSource, signal?: AbortSignal): Promise<boolean> {
    const fullKey = this.objectKey(key);
    const head = await this.head(fullKey, this.runtime({}), signal);
    if (!head || head.size !== source.bytes) return false;
    const sha256 = head.metadata.sha256;
    // Without our metadata only an ETag that is a content hash of these bytes counts (not the SSE-KMS fallback).
    const same = sha256 ? sha256 === source.sha256 : this.etagCheck(head, source, false) !== undefined;
    if (same) await this.forgetCheckpoint(fullKey, signal);
    return same;
  }

  async upload(key: string, source: ValidatedSource, options: UploadOptions): Promise<UploadOutcome> {
    const fullKey = this.objectKey(key);
    const partSize = this.digestPartSize(source.bytes);
    if (source.digest?.partSize !== partSize) {
      throw new Error(`S3Uploader needs the source's MD5s per ${partSize}-byte part`);
    }
    const runtime = this.runtime(options);
    try {
      if (source.bytes <= partSize) return await this.putWhole(fullKey, source, runtime, options);
      return await this.multipart(fullKey, source, partSize, runtime, options, false);
    } catch (error) {
      if (options.signal?.aborted) throw paused(source, error);
      throw this.failure(error, fullKey, "upload");
    }
  }

  async verify(key: string, source: ValidatedSource, signal?: AbortSignal): Promise<string> {
    const fullKey = this.objectKey(key);
    const runtime = this.runtime({});
    const head = await this.head(fullKey, runtime, signal);
    const fail = async (difference: string) => {
      await withRetries("remove the damaged object", runtime, signal, () =>
        deleteObject(this.store.client, { bucket: this.store.bucket, key: fullKey }),
      ).catch(() => undefined);
      return verifyFailed(this.location(key), source.file.shown, difference);
    };
    if (!head) throw await fail("nothing is there");
    if (head.size !== source.bytes) {
      throw await fail(`${head.size} bytes stored, ${source.bytes} in the source`);
    }
    if (head.metadata.sha256 !== undefined && head.metadata.sha256 !== source.sha256) {
      throw await fail("its sha256 metadata names other bytes");
    }
    const how = this.etagCheck(head, source);
    if (!how) {
      throw await fail(`ETag ${head.etag} stored, ${this.expectedEtag(source)} expected from the source`);
    }
    return how;
  }

  /** How the ETag proves the content, or undefined when it contradicts the source. */
  private etagCheck(head: ObjectFacts, source: ValidatedSource, trustKms = true): string | undefined {
    const digest = source.digest?.result();
    if (!digest) return undefined;
    const expected = this.expectedEtag(source);
    if (head.etag === expected) {
      return expected.includes("-")
        ? `size and multipart ETag (MD5 of the ${digest.parts.length} part MD5s)`
        : "size and MD5 (ETag)";
    }
    if (head.etag === digest.md5) return "size and MD5 of the whole object (ETag)";
    if (trustKms && head.encryption === "aws:kms") {
      return "size, and Content-MD5 checked by S3 on every part (SSE-KMS ETags are not MD5s)";
    }
    return undefined;
  }

  private expectedEtag(source: ValidatedSource): string {
    const digest = source.digest?.result();
    if (!digest) return "";
    return source.bytes <= this.digestPartSize(source.bytes) ? digest.md5 : multipartEtag(digest.parts);
  }

  private async putWhole(
    fullKey: string,
    source: ValidatedSource,
    runtime: RetryRuntime,
    options: UploadOptions,
  ): Promise<UploadOutcome> {
    const handle = await open(source.file.path, "r");
    let body: Buffer;
    try {
      body = await readRange(handle, { number: 1, offset: 0, size: source.bytes }, source);
    } finally {
      await handle.close();
    }
    const md5 = createHash("md5").update(body).digest();
    if (md5.toString("hex") !== source.digest?.result().md5) throw sourceChanged(source);
    await withRetries("upload", runtime, options.signal, () =>
      putWholeObject(
        this.store.client,
        {
          bucket: this.store.bucket,
          key: fullKey,
          body,
          md5,
          contentType: CONTENT_TYPE,
          metadata: { sha256: source.sha256 },
        },
        options.signal,
      ),
    );
    options.onProgress?.(source.bytes);
    return { resumedParts: 0, sentParts: 1 };
  }

  private async multipart(
    fullKey: string,
    source: ValidatedSource,
    partSize: number,
    runtime: RetryRuntime,
    options: UploadOptions,
    restarted: boolean,
  ): Promise<UploadOutcome> {
    const { bucket, client } = this.store;
    const ranges = partRanges(source.bytes, partSize);
    const context: SessionContext = {
      client,
      bucket,
      key: fullKey,
      checkpointFile: checkpointPath(this.stateDir, bucket, fullKey),
      partSize,
      ranges,
      source,
      retry: runtime,
      options,
      contentType: CONTENT_TYPE,
    };
    const session = await openSession(context);
    await abortStaleUploads(context, session.writer.uploadId);
    const stored = new Set(session.writer.stored.map((part) => part.partNumber));
    const missing = ranges.filter((range) => !stored.has(range.number));
    await sendMissingParts(
      {
        ...context,
        concurrency: this.tuning.concurrency ?? DEFAULT_CONCURRENCY,
        onPartStored: this.tuning.onPartStored,
      },
      session.writer,
      missing,
    );
    try {
      await withRetries("complete the multipart upload", runtime, options.signal, () =>
        completeMultipartUpload(
          client,
          { bucket, key: fullKey, uploadId: session.writer.uploadId },
          session.writer.stored,
          options.signal,
        ),
      );
    } catch (error) {
      // Gone between ListParts and now (expired, or aborted by another run): start over, once.
      if (!isNoSuchUpload(error) || restarted) throw error;
      await removeCheckpoint(context.checkpointFile);
      options.log?.(
        "warn",
        `The multipart upload of ${source.file.shown} disappeared from S3; starting over.`,
      );
      return this.multipart(fullKey, source, partSize, runtime, options, true);
    }
    await removeCheckpoint(context.checkpointFile);
    return { resumedParts: session.resumedParts, sentParts: missing.length };
  }

  private async head(
    fullKey: string,
    runtime: RetryRuntime,
    signal?: AbortSignal,
  ): Promise<ObjectFacts | undefined> {
    try {
      return await withRetries("inspect the object", runtime, signal, () =>
        headObject(this.store.client, { bucket: this.store.bucket, key: fullKey }, signal),
      );
    } catch (error) {
      throw this.failure(error, fullKey, "inspect");
    }
  }

  /** The object is already there: an interrupted upload of it will never be needed. */
  private async forgetCheckpoint(fullKey: string, signal?: AbortSignal): Promise<void> {
    const file = checkpointPath(this.stateDir, this.store.bucket, fullKey);
    const saved = await readCheckpoint(file);
    if (!saved) return;
    await abortUpload(
      this.store.client,
      { bucket: saved.bucket, key: saved.key, uploadId: saved.uploadId },
      signal,
    ).catch(() => undefined);
    await removeCheckpoint(file);
  }

  private runtime(options: UploadOptions): RetryRuntime {
    return {
      policy: this.retryPolicy,
      random: this.tuning.random ?? Math.random,
      sleep: this.tuning.sleep ?? sleep,
      onRetry: (what, kind, attempt, delayMs, error) => {
        const reason = kind === "throttled" ? "S3 asked to slow down" : `S3 failed (${errorName(error)})`;
        options.log?.(
          "warn",
          `${reason} on ${what}; attempt ${attempt + 1} in ${(delayMs / 1000).toFixed(1)} s.`,
        );
      },
    };
  }

  private failure(error: unknown, fullKey: string, action: string): LakebookError {
    return s3Error(error, { action, bucket: this.store.bucket, key: fullKey });
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "error";
}

function paused(source: ValidatedSource, cause: unknown): LakebookError {
  return new LakebookError("CANCELLED", `The upload of ${source.file.shown} was cancelled.`, {
    hint: "Run the ingest again to resume: the parts already stored in S3 are not sent again.",
    retryable: true,
    cause,
  });
}
