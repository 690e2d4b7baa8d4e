import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { LakebookError } from "../../../contract";
import { LocalFolderStore, type ObjectStore } from "../../../lake";
import type { ChallengeCsvValidator, CsvReport } from "../csv";
import { readChunks, readChunksReusing, type SourceFile } from "../source-file";
import type { RawUploader, UploadOptions, UploadOutcome, ValidatedSource } from "./uploader";
import { rawExists, verifyFailed } from "./verify-failed";

/**
 * RAW on any ObjectStore through its streaming `put` (the local lake's is atomic: temp file,
 * fsync, rename). A folder keeps no object metadata, so "is it already there?" re-reads the stored
 * file and compares its SHA-256, and the lake itself stays the only truth (a sidecar hash would go
 * stale the moment someone copies a file into the lake by hand). "Did it land whole?" is answered
 * by the store itself where it can (`storeValidating`): it hashes the bytes as it writes them.
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

  /**
   * The one pass: each chunk read from the source goes to the store's write and to `validator`
   * (which hashes it and checks its rows), so the file is read once. A chunk is checked while the
   * store writes it (the write runs off the main thread), and a refusal or a cancel aborts the
   * write, leaving nothing at the key. The proof that what landed is the source: the store's CRC-32
   * of the bytes it wrote (then flushed to disk and renamed into place) equals the CRC-32 of the
   * bytes the validator checked and hashed, and the stored file's size is the source's. That
   * compares the very bytes a second read would compare, without the read; CRC-32 finds every
   * change of up to 32 bits in a row and misses other damage once in 4 billion, like the checks
   * S3 itself runs on uploads, at a quarter of a second SHA-256's cost. (The SHA-256 of the bytes
   * read stays the file's identity in RAW.) A store that cannot check what it writes is read back.
   */
  async storeValidating(
    key: string,
    file: SourceFile,
    validator: ChallengeCsvValidator,
    options: UploadOptions,
  ): Promise<{ report: CsvReport; verified: string }> {
    // The local lake's store writes each chunk whole before it asks for the next, and the
    // validator copies what it keeps, so the read buffers can be reused (see readChunksReusing):
    // chunk N+1 is read while chunk N may still be being checked, so two would do; three leave margin.
    const chunks = this.store instanceof LocalFolderStore ? readChunksReusing(file) : readChunks(file);
    const read = { crc32: 0 };
    const written = await this.store.put(key, checkedWhileWritten(chunks, validator, read), {
      contentType: "text/csv; charset=utf-8",
      checksum: "crc32",
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    let report: CsvReport;
    try {
      report = validator.finish();
    } catch (error) {
      await this.store.delete(key);
      throw error;
    }
    const source = { file, bytes: report.bytes, sha256: report.sha256 };
    if (written.crc32 === undefined)
      return { report, verified: await this.verify(key, source, options.signal) };
    const stored = await this.store.head(key);
    const fail = async (difference: string) => {
      await this.store.delete(key);
      return verifyFailed(this.location(key), file.shown, difference);
    };
    if (!stored) throw await fail("nothing is there");
    if (stored.size !== report.bytes || written.size !== report.bytes)
      throw await fail(`${stored.size} bytes stored, ${report.bytes} in the source`);
    if (written.crc32 !== read.crc32)
      throw await fail(`CRC-32 ${hex(written.crc32)} written, ${hex(read.crc32)} in the bytes read`);
    return {
      report,
      verified:
        "size of the stored file, and CRC-32 of the bytes as written (flushed to disk) against the bytes read",
    };
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

/**
 * Passes the source's chunks to the store, checking each one while the store writes it: the check
 * of chunk N runs on the main thread while the write of chunk N is in the thread pool, and chunk
 * N+1 is handed over only once that check is done (so a refusal stops the write before the end).
 */
async function* checkedWhileWritten(
  source: AsyncIterable<Uint8Array>,
  validator: ChallengeCsvValidator,
  read: { crc32: number },
): AsyncGenerator<Uint8Array> {
  let checking: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const check = (chunk: Uint8Array) =>
    new Promise<void>((resolve) =>
      setImmediate(() => {
        try {
          read.crc32 = crc32(chunk, read.crc32);
          validator.push(chunk);
        } catch (error) {
          failure = { error };
        }
        resolve();
      }),
    );
  for await (const chunk of source) {
    await checking;
    if (failure) throw failure.error;
    checking = check(chunk);
    yield chunk;
  }
  await checking;
  if (failure) throw failure.error;
}

const hex = (crc: number) => crc.toString(16).padStart(8, "0");
