import { createHash } from "node:crypto";
import { type FileHandle, open } from "node:fs/promises";
import { etagIsMd5, uploadPart } from "../../../aws/s3";
import { LakebookError } from "../../../contract";
import { s3Error } from "../../../lake";
import type { CheckpointWriter } from "./checkpoint";
import type { PartRange } from "./part-plan";
import { withRetries } from "./retry";
import type { SessionContext } from "./s3-session";
import type { ValidatedSource } from "./uploader";

export interface PartsContext extends SessionContext {
  /** Parts in flight at once. */
  concurrency: number;
  onPartStored?: ((partNumber: number) => void) | undefined;
}

/**
 * Sends the missing parts, `concurrency` at a time, each read from the file at its offset and
 * checked against the MD5 taken while validating. A part counts once S3 confirmed it and the
 * checkpoint recorded it. The first failure stops the others; what landed stays in the checkpoint
 * for the next run.
 */
export async function sendMissingParts(
  context: PartsContext,
  writer: CheckpointWriter,
  missing: readonly PartRange[],
): Promise<void> {
  const { source, options, ranges } = context;
  const md5s = source.digest?.result().parts ?? [];
  let done = writer.stored.reduce((sum, part) => sum + (ranges[part.partNumber - 1]?.size ?? 0), 0);
  options.onProgress?.(done);
  if (missing.length === 0) return;
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const queue = [...missing];
  let failure: { error: unknown } | undefined;
  const handle = await open(source.file.path, "r");
  const worker = async () => {
    for (let part = queue.shift(); part && !failure && !signal.aborted; part = queue.shift()) {
      try {
        const etag = await sendPart(context, handle, writer.uploadId, part, md5s[part.number - 1], signal);
        await writer.record({ partNumber: part.number, etag, size: part.size });
        done += part.size;
        options.onProgress?.(done);
        context.onPartStored?.(part.number);
      } catch (error) {
        failure ??= { error };
        stop.abort();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(context.concurrency, missing.length) }, worker));
  } finally {
    await handle.close();
    await writer.flushed();
  }
  if (options.signal?.aborted) throw options.signal.reason ?? new Error("aborted");
  if (failure) {
    if (failure.error instanceof LakebookError) throw failure.error;
    const error = s3Error(failure.error, { action: "upload", bucket: context.bucket, key: context.key });
    throw resumable(error, writer.stored.length, ranges.length);
  }
}

async function sendPart(
  context: PartsContext,
  handle: FileHandle,
  uploadId: string,
  part: PartRange,
  expected: Buffer | undefined,
  signal: AbortSignal,
): Promise<string> {
  const body = await readRange(handle, part, context.source);
  const md5 = createHash("md5").update(body).digest();
  if (!expected || !md5.equals(expected)) throw sourceChanged(context.source);
  const md5Hex = md5.toString("hex");
  return withRetries(`part ${part.number}`, context.retry, signal, async () => {
    const stored = await uploadPart(
      context.client,
      { bucket: context.bucket, key: context.key, uploadId, partNumber: part.number, body, md5 },
      signal,
    );
    const etag = stored.etag;
    // In plain text or SSE-S3 a part's ETag is its MD5: anything else means other bytes were stored.
    // SSE-C, SSE-KMS and DSSE-KMS ETags are not MD5s; S3 checked the Content-MD5 on arrival, and
    // verify reads the object back (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Object.html).
    if (etagIsMd5(stored) && etag !== md5Hex) {
      throw Object.assign(
        new Error(`part ${part.number} was stored with ETag ${etag}, not its MD5 ${md5Hex}`),
        {
          name: "BadDigest",
        },
      );
    }
    return etag;
  });
}

/** Reads exactly `part.size` bytes at `part.offset`; a file that got shorter is a changed source. */
export async function readRange(
  handle: FileHandle,
  part: PartRange,
  source: ValidatedSource,
): Promise<Buffer> {
  const body = Buffer.allocUnsafe(part.size);
  let filled = 0;
  while (filled < part.size) {
    const { bytesRead } = await handle.read(body, filled, part.size - filled, part.offset + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  if (filled < part.size) throw sourceChanged(source);
  return body;
}

export function sourceChanged(source: ValidatedSource): LakebookError {
  return new LakebookError(
    "INGEST_SOURCE_CHANGED",
    `${source.file.shown} changed while it was being ingested: its bytes no longer match what was validated.`,
    { hint: "Wait until the file is fully written (or copied), then run the ingest again.", retryable: true },
  );
}

function resumable(error: LakebookError, stored: number, total: number): LakebookError {
  const resume = `${stored} of ${total} parts are stored in S3; run the ingest again to resume from there (they are not sent twice).`;
  return new LakebookError(error.code, error.message, {
    hint: error.hint ? `${error.hint} ${resume}` : resume,
    retryable: true,
    cause: error.cause,
  });
}
