import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import {
  abortUpload,
  completeMultipartUpload,
  deleteObject,
  etagIsMd5,
  headObject,
  isConditionalConflict,
  isNoSuchUpload,
  isPreconditionFailed,
  type ObjectFacts,
  putWholeObject,
} from "../../../aws/s3";
import { LakebookError } from "../../../contract";
import { type S3Store, s3Error } from "../../../lake";
import { checkpointPath, readCheckpoint, removeCheckpoint } from "./checkpoint";
import { partRanges, planPartSize } from "./part-plan";
import { type RetryRuntime, sleep, withRetries } from "./retry";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy";
import { readRange, sendMissingParts, sourceChanged } from "./s3-parts";
import { etagProof, proveContent } from "./s3-proof";
import { abortStaleUploads, openSession, type SessionContext } from "./s3-session";
import type { RawUploader, UploadOptions, UploadOutcome, ValidatedSource } from "./uploader";
import { rawExists, verifyFailed, writeConflict } from "./verify-failed";

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
 *
 * RAW is append-only: a key that holds other bytes is refused before anything is sent (HeadObject,
 * which also covers S3-compatible servers that ignore conditional headers), and the write itself
 * carries `If-None-Match: *`, so on S3 an object that got there in between is never overwritten.
 */
export class S3Uploader implements RawUploader {
  private readonly retryPolicy: RetryPolicy;
  /** The ETag each key got from this uploader's own write: verify removes only that object. */
  private readonly written = new Map<string, string>();
  /** What `holdsSame` just saw under a key, so `upload` checks it without asking S3 again. */
  private readonly seen = new Map<string, ObjectFacts | undefined>();

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
    this.seen.set(fullKey, head);
    if (!head || head.size !== source.bytes) return false;
    const sha256 = head.metadata.sha256;
    // Without our metadata: an ETag that is a content hash of these bytes, or else (SSE-KMS and
    // the like, where it is not) the object's SHA-256 read back.
    const partSize = this.digestPartSize(source.bytes);
    const same = sha256
      ? sha256 === source.sha256
      : etagIsMd5(head)
        ? etagProof(head, source, partSize) !== undefined
        : (await proveContent(this.store, key, head, source, partSize, signal)).holds;
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
      const there = this.seen.has(fullKey)
        ? this.seen.get(fullKey)
        : await this.head(fullKey, runtime, options.signal);
      this.seen.delete(fullKey);
      if (there) throw this.rawExists(key, source, there.metadata.sha256);
      if (source.bytes <= partSize) return await this.putWhole(fullKey, source, runtime, options);
      return await this.multipart(fullKey, source, partSize, runtime, options, false);
    } catch (error) {
      if (options.signal?.aborted) throw paused(source, error);
      if (isPreconditionFailed(error)) throw this.rawExists(key, source);
      if (isConditionalConflict(error)) throw writeConflict(this.location(key), source.file.shown, error);
      throw this.failure(error, fullKey, "upload");
    }
  }

  async verify(key: string, source: ValidatedSource, signal?: AbortSignal): Promise<string> {
    const fullKey = this.objectKey(key);
    const runtime = this.runtime({});
    const head = await this.head(fullKey, runtime, signal);
    const written = this.written.get(fullKey);
    this.written.delete(fullKey);
    const fail = async (difference: string) => {
      // Only the object this run wrote is removed: never an earlier copy or another writer's object.
      const ours = head !== undefined && written !== undefined && head.etag === written;
      if (ours) {
        await withRetries("remove the damaged object", runtime, signal, () =>
          deleteObject(this.store.client, { bucket: this.store.bucket, key: fullKey }),
        ).catch(() => undefined);
      }
      return verifyFailed(this.location(key), source.file.shown, difference, ours);
    };
    if (!head) throw await fail("nothing is there");
    if (head.size !== source.bytes) {
      throw await fail(`${head.size} bytes stored, ${source.bytes} in the source`);
    }
    if (head.metadata.sha256 !== undefined && head.metadata.sha256 !== source.sha256) {
      throw await fail("its sha256 metadata names other bytes");
    }
    const partSize = this.digestPartSize(source.bytes);
    const proof = await proveContent(this.store, key, head, source, partSize, signal).catch(
      (error: unknown) => {
        throw this.failure(error, fullKey, "read back");
      },
    );
    if (!proof.holds) throw await fail(proof.difference);
    return proof.how;
  }

  /** A taken key, refused: RAW is append-only. */
  private rawExists(key: string, source: ValidatedSource, storedSha256?: string): LakebookError {
    const location = this.location(key);
    return rawExists(location, source.file.shown, storedSha256, `aws s3 rm ${location}`);
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
    const etag = await withRetries("upload", runtime, options.signal, () =>
      putWholeObject(
        this.store.client,
        {
          bucket: this.store.bucket,
          key: fullKey,
          body,
          md5,
          contentType: CONTENT_TYPE,
          metadata: { sha256: source.sha256 },
          onlyIfAbsent: true,
        },
        options.signal,
      ),
    );
    this.written.set(fullKey, etag);
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
      const etag = await withRetries("complete the multipart upload", runtime, options.signal, () =>
        completeMultipartUpload(
          client,
          { bucket, key: fullKey, uploadId: session.writer.uploadId, onlyIfAbsent: true },
          session.writer.stored,
          options.signal,
        ),
      );
      this.written.set(fullKey, etag);
    } catch (error) {
      if (isPreconditionFailed(error) || isConditionalConflict(error)) {
        // Refused: these parts can never complete under this key. S3 asks to start over after a 409.
        await abortUpload(client, { bucket, key: fullKey, uploadId: session.writer.uploadId }).catch(
          () => undefined,
        );
        await removeCheckpoint(context.checkpointFile);
        throw error;
      }
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
