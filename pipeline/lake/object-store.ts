import type { Readable } from "node:stream";
import { LakebookError } from "../contract/errors";

/**
 * The one interface every stage uses to read and write the lake, whether the lake is a local
 * folder or an S3 bucket. Keys are relative to the store (a bucket prefix is the store's business)
 * and are checked by `assertSafeKey` in ./keys before anything happens.
 */
export interface ObjectInfo {
  key: string;
  size: number;
  lastModified: Date;
  /** Content hash as the store reports it (S3's ETag without quotes, or an MD5 hex); not always known. */
  etag?: string;
  /** User metadata stored with the object (S3 `x-amz-meta-*`), from `head` on stores that keep it. */
  metadata?: Record<string, string>;
  /** From `put` with `checksum: "crc32"`, on stores that check what they write (the local folder). */
  crc32?: number;
}

export interface PutOptions {
  contentType?: string;
  /** Called with the total bytes sent so far; never with a smaller number than before. */
  onProgress?: (bytesSent: number) => void;
  /** Aborting cancels the upload; a cancelled put leaves any previous object under the key intact. */
  signal?: AbortSignal;
  /**
   * User metadata to keep with the object (lower-case ASCII names, e.g. `{ sha256: "…" }`). S3 stores
   * it as `x-amz-meta-*` and `head` returns it; the local folder has nowhere to keep it and ignores it.
   */
  metadata?: Record<string, string>;
  /**
   * Take the CRC-32 of the bytes as they are written (returned as `crc32`) instead of their MD5
   * (the `etag`): the local folder's proof that what landed is what the caller read, at a twentieth
   * of MD5's cost. Stores that do not check what they write ignore it.
   */
  checksum?: "crc32";
}

/**
 * What `put` accepts: text (written as UTF-8), bytes, or any stream of chunks — a Node `Readable`,
 * `NodeJS.ReadableStream`, a web `ReadableStream` or an async generator.
 */
export type ObjectBody = string | Uint8Array | AsyncIterable<Uint8Array | string>;

export interface ObjectStore {
  /** Where the lake lives, for people: `file:///abs/lake/` or `s3://bucket/prefix/`. */
  readonly location: string;
  put(key: string, body: ObjectBody, options?: PutOptions): Promise<ObjectInfo>;
  /** The object's bytes as a stream; `LAKE_NOT_FOUND` when there is no such object. */
  get(key: string): Promise<Readable>;
  head(key: string): Promise<ObjectInfo | undefined>;
  /** Every object under `prefix` ("" or a folder ending in `/`), recursively, in ascending key order. */
  list(prefix: string): AsyncIterable<ObjectInfo>;
  /** Removing a missing object is not an error. */
  delete(key: string): Promise<void>;
}

/** Any body as a stream of byte chunks, so both stores hash, count and write it the same way. */
export async function* bodyChunks(body: ObjectBody): AsyncGenerator<Uint8Array> {
  if (typeof body === "string") {
    yield Buffer.from(body, "utf8");
    return;
  }
  if (body instanceof Uint8Array) {
    yield body;
    return;
  }
  for await (const chunk of body) {
    yield typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
  }
}

/**
 * The body as byte chunks for a store to write, with two guarantees both stores rely on:
 * - aborting `signal` ends the iteration at once, even while the source is stalled mid-read;
 * - a failure of the source itself surfaces as `LAKE_SOURCE_FAILED`, not as a storage error.
 */
export async function* chunksToStore(
  body: ObjectBody,
  signal: AbortSignal | undefined,
): AsyncGenerator<Uint8Array> {
  if (signal?.aborted) throw cancelled();
  const iterator = bodyChunks(body);
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await untilAborted(iterator.next(), signal);
      } catch (error) {
        throw error instanceof LakebookError ? error : sourceFailed(error);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Let the source release itself (a Readable is destroyed) without waiting on a stalled read.
    iterator.return(undefined).catch(() => undefined);
  }
}

/**
 * `pending`, or CANCELLED as soon as `signal` aborts. One listener per call, removed when settled:
 * racing every chunk against one long-lived promise would pile up reactions for the whole upload.
 */
function untilAborted<T>(pending: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return pending;
  // The source may abort while `pending` was being created (next() runs the source synchronously).
  if (signal.aborted) {
    pending.catch(() => undefined);
    return Promise.reject(cancelled());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener("abort", onAbort, { once: true });
    pending.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function sourceFailed(error: unknown): LakebookError {
  const reason = error instanceof Error ? error.message : String(error);
  return new LakebookError("LAKE_SOURCE_FAILED", `Reading the data to store failed: ${reason}`, {
    hint: "Nothing was stored; fix the source (file, download) and run the step again.",
    cause: error,
  });
}

export function cancelled(): LakebookError {
  return new LakebookError("CANCELLED", "The upload was cancelled; nothing was stored.", {
    hint: "Run the step again to store it.",
  });
}

/** Reads a whole object into memory: for small objects (JSON, manifests), never for CSVs. */
export async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
