import { createHash } from "node:crypto";
import { LakebookError } from "../../../contract";
import { LocalFolderStore, type ObjectStore } from "../../../lake";
import { readChunks } from "../source-file";
import type { RawUploader, UploadOptions, UploadOutcome, ValidatedSource } from "./uploader";
import { rawExists, verifyFailed } from "./verify-failed";

/**
 * RAW on any ObjectStore through its streaming `put` (the local lake's is atomic: temp file,
 * fsync, rename). A folder keeps no object metadata, so "is it already there?" and "did it land
 * whole?" re-read the stored file and compare its SHA-256: about a second for the 172 MB file, and
 * the lake itself stays the only truth (a sidecar hash would go stale the moment someone copies
 * a file into the lake by hand).
 *
 * RAW is append-only here as on S3: `holdsSame` makes the same bytes a no-op, and `upload` refuses a
 * key that holds other bytes instead of writing over it (the store's `put` would replace it). The
 * local lake has one writer, this service running one cell at a time, so looking first is enough.
 */
export class StoreUploader implements RawUploader {
  constructor(private readonly store: ObjectStore) {}

  digestPartSize(): undefined {
    return undefined;
  }

  objectKey(key: string): string {
    return key;
  }

  location(key: string): string {
    return `${this.store.location}${key.split("/").map(encodeURIComponent).join("/")}`;
  }

  async holdsSame(key: string, source: ValidatedSource, signal?: AbortSignal): Promise<boolean> {
    const existing = await this.store.head(key);
    if (!existing || existing.size !== source.bytes) return false;
    if (existing.metadata?.sha256) return existing.metadata.sha256 === source.sha256;
    return (await this.storedSha256(key, signal)) === source.sha256;
  }

  async upload(key: string, source: ValidatedSource, options: UploadOptions): Promise<UploadOutcome> {
    if (await this.store.head(key)) {
      const stored = await this.storedSha256(key, options.signal);
      const file = this.store instanceof LocalFolderStore ? this.store.pathOf(key) : this.location(key);
      throw rawExists(this.location(key), source.file.shown, stored, `delete ${file}`);
    }
    await this.store.put(key, readChunks(source.file), {
      contentType: "text/csv; charset=utf-8",
      metadata: { sha256: source.sha256 },
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return { resumedParts: 0, sentParts: 1 };
  }

  async verify(key: string, source: ValidatedSource, signal?: AbortSignal): Promise<string> {
    const stored = await this.store.head(key);
    const fail = async (difference: string) => {
      await this.store.delete(key);
      return verifyFailed(this.location(key), source.file.shown, difference);
    };
    if (!stored) throw await fail("nothing is there");
    if (stored.size !== source.bytes)
      throw await fail(`${stored.size} bytes stored, ${source.bytes} in the source`);
    const sha256 = await this.storedSha256(key, signal);
    if (sha256 !== source.sha256)
      throw await fail(
        `SHA-256 ${sha256.slice(0, 12)}… stored, ${source.sha256.slice(0, 12)}… in the source`,
      );
    return "size and SHA-256 of the stored file, re-read";
  }

  private async storedSha256(key: string, signal?: AbortSignal): Promise<string> {
    const hash = createHash("sha256");
    const stream = await this.store.get(key);
    for await (const chunk of stream) {
      if (signal?.aborted) {
        stream.destroy();
        throw new LakebookError("CANCELLED", "The ingest was cancelled while checking the stored file.", {
          hint: "Run it again when you are ready.",
        });
      }
      hash.update(chunk as Uint8Array);
    }
    return hash.digest("hex");
  }
}
