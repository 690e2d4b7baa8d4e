import {
  abortUpload,
  listStoredParts,
  listUploadsOf,
  type S3Send,
  startMultipartUpload,
} from "../../../aws/s3";
import { LakebookError } from "../../../contract";
import { CheckpointWriter, readCheckpoint, removeCheckpoint } from "./checkpoint";
import type { PartRange } from "./part-plan";
import { type RetryRuntime, withRetries } from "./retry";
import type { UploadOptions, ValidatedSource } from "./uploader";

/** Which multipart upload this run continues or starts, and the parts already stored in it. */
export interface UploadSession {
  writer: CheckpointWriter;
  resumedParts: number;
}

export interface SessionContext {
  client: S3Send;
  bucket: string;
  /** The key in the bucket. */
  key: string;
  checkpointFile: string;
  partSize: number;
  ranges: readonly PartRange[];
  source: ValidatedSource;
  retry: RetryRuntime;
  options: UploadOptions;
  contentType: string;
}

/**
 * Resumes the checkpointed upload when it is for the same bytes and still exists in S3 (ListParts
 * confirms each part; a server without ListParts is trusted as far as the checkpoint goes),
 * otherwise aborts what the checkpoint names and starts a new upload.
 */
export async function openSession(context: SessionContext): Promise<UploadSession> {
  const { client, bucket, key, checkpointFile, source, options } = context;
  const signal = options.signal;
  const saved = await readCheckpoint(checkpointFile);
  if (saved) {
    const sameBytes =
      saved.bucket === bucket &&
      saved.key === key &&
      saved.sha256 === source.sha256 &&
      saved.size === source.bytes &&
      saved.partSize === context.partSize;
    const target = { bucket, key, uploadId: saved.uploadId };
    if (sameBytes) {
      const listed = await withRetries("list the stored parts", context.retry, signal, () =>
        listStoredParts(client, target, signal),
      );
      if (listed.kind !== "gone") {
        const confirmed =
          listed.kind === "listed" ? new Map(listed.parts.map((p) => [p.partNumber, p])) : undefined;
        const keep = saved.parts.filter((part) => {
          const range = context.ranges[part.partNumber - 1];
          if (!range || range.size !== part.size) return false;
          if (!confirmed) return true;
          const found = confirmed.get(part.partNumber);
          return (
            found !== undefined && found.etag === part.etag && (found.size < 0 || found.size === part.size)
          );
        });
        const { parts: _parts, ...base } = saved;
        const writer = new CheckpointWriter(checkpointFile, base, keep);
        await writer.save();
        options.log?.(
          "info",
          `Resuming the interrupted upload of ${source.file.shown}: ${keep.length} of ${context.ranges.length} parts are already in S3${listed.kind === "unsupported" ? " (per the checkpoint; this server cannot list parts)" : ""}.`,
        );
        return { writer, resumedParts: keep.length };
      }
      options.log?.(
        "info",
        `The interrupted upload of ${source.file.shown} no longer exists in S3 (aborted or expired): starting over.`,
      );
    } else {
      // The checkpoint is for other bytes (the file changed): its parts can never be used.
      await withRetries("abort an outdated upload", context.retry, signal, () =>
        abortUpload(client, target, signal),
      );
    }
    await removeCheckpoint(checkpointFile);
  }
  const uploadId = await withRetries("start the multipart upload", context.retry, signal, () =>
    startMultipartUpload(
      client,
      { bucket, key, contentType: context.contentType, metadata: { sha256: source.sha256 } },
      signal,
    ),
  );
  if (!uploadId) {
    throw new LakebookError("S3_ERROR", `S3 started no multipart upload for s3://${bucket}/${key}.`, {
      hint: "The server answered without an upload id; run the ingest again.",
      retryable: true,
    });
  }
  const writer = new CheckpointWriter(checkpointFile, {
    version: 1,
    bucket,
    key,
    uploadId,
    partSize: context.partSize,
    size: source.bytes,
    sha256: source.sha256,
    startedAt: new Date().toISOString(),
  });
  await writer.save();
  return { writer, resumedParts: 0 };
}

/**
 * Aborts every other unfinished multipart upload of this exact key: leftovers of crashed runs
 * whose checkpoints are gone, which S3 would otherwise keep (and bill) until a lifecycle rule
 * removes them. Best effort: a server or a policy that does not allow it only gets a log line.
 */
export async function abortStaleUploads(context: SessionContext, keep: string): Promise<number> {
  const { client, bucket, key, options } = context;
  const signal = options.signal;
  try {
    const uploads = await withRetries("list unfinished uploads", context.retry, signal, () =>
      listUploadsOf(client, { bucket, key }, signal),
    );
    if (!uploads) return 0;
    let aborted = 0;
    for (const upload of uploads) {
      if (upload.uploadId === keep) continue;
      const outcome = await withRetries("abort a stale upload", context.retry, signal, () =>
        abortUpload(client, { bucket, key, uploadId: upload.uploadId }, signal),
      );
      if (outcome === "aborted") aborted++;
    }
    if (aborted > 0) {
      options.log?.(
        "info",
        `Aborted ${aborted} unfinished multipart upload${aborted === 1 ? "" : "s"} of ${key} left by earlier runs.`,
      );
    }
    return aborted;
  } catch (error) {
    if (signal?.aborted) throw error;
    const reason = error instanceof Error ? error.name : String(error);
    options.log?.(
      "warn",
      `Could not clear unfinished uploads of ${key} (${reason}); a lifecycle rule for incomplete multipart uploads will.`,
    );
    return 0;
  }
}
