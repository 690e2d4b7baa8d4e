import { createHash } from "node:crypto";
import { type FileHandle, mkdir, open, rename, stat, unlink } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { crc32 } from "node:zlib";
import { LakebookError } from "../contract/errors";
import { writeAtomically } from "./atomic-write";
import { crashPoint } from "./crash-point";
import { EarlyFlush } from "./early-flush";
import { assertSafeKey, assertSafePrefix, isSafeKey } from "./keys";
import {
  errnoOf,
  isInside,
  isMissing,
  lstatOrUndefined,
  realpathOfDeepestExisting,
  realpathOrUndefined,
  syncFolder,
  walkFiles,
} from "./local-files";
import {
  cancelled,
  chunksToStore,
  type ObjectBody,
  type ObjectInfo,
  type ObjectStore,
  type PutOptions,
} from "./object-store";

/**
 * The local lake: a folder plays the bucket, and key K is the file `<root>/K`, so DuckDB can read
 * objects straight from disk (`pathOf`).
 *
 * Writes are atomic (`atomic-write.ts`): bytes stream into `<root>/.lakebook-tmp/<uuid>`, are
 * fsynced, then renamed over the final path. A reader never sees half an object, and a failed or cancelled put leaves the
 * previous object untouched.
 *
 * A folder has nowhere to keep object metadata, so `PutOptions.metadata` is ignored and `head`
 * returns none: callers that need a content hash re-read the file (see stages/ingest).
 *
 * Top-level folders whose names start with `_` or `.` belong to Lakebook itself (the local catalog
 * in `_catalog/`, the temp folder): listing the whole lake skips them. Listing such a folder by its
 * own prefix works, except the temp folder, which is never a key.
 */
export const TEMP_FOLDER = ".lakebook-tmp";

export class LocalFolderStore implements ObjectStore {
  readonly root: string;
  readonly location: string;
  private readonly tempDir: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.location = pathToFileURL(this.root.endsWith("/") ? this.root : `${this.root}/`).href;
    this.tempDir = join(this.root, TEMP_FOLDER);
  }

  /** Absolute path of the file behind `key`; it may not exist yet. */
  pathOf(key: string): string {
    assertSafeKey(key);
    if (key === TEMP_FOLDER || key.startsWith(`${TEMP_FOLDER}/`)) {
      throw new LakebookError(
        "LAKE_KEY_INVALID",
        `Object key "${key}" is inside Lakebook's temporary folder.`,
        {
          hint: `Keys may not start with ${TEMP_FOLDER}/.`,
        },
      );
    }
    return join(this.root, ...key.split("/"));
  }

  async put(key: string, body: ObjectBody, options: PutOptions = {}): Promise<ObjectInfo> {
    const target = this.pathOf(key);
    if (options.signal?.aborted) throw cancelled();
    await this.ensureRoot();
    await this.ensureParent(key, target);
    try {
      // The temp file lives in the lake's temp folder, not beside the object: listings never see it.
      const written = await writeAtomically(target, (temp) => this.writeTemp(temp, body, options), {
        tempFolder: this.tempDir,
        replace: (temp) => this.replace(key, temp, target),
      });
      const info = await stat(target);
      return { key, size: written.size, lastModified: info.mtime, ...written.hash };
    } catch (error) {
      throw options.signal?.aborted && !(error instanceof LakebookError) ? cancelled() : error;
    }
  }

  /** Streams the body into `temp`, fsynced, and checks for a cancel once it is whole. */
  private async writeTemp(
    temp: string,
    body: ObjectBody,
    options: PutOptions,
  ): Promise<{ size: number; hash: { etag: string } | { crc32: number } }> {
    const file = await this.fs(() => open(temp, "wx", 0o644), "create a temporary file in");
    let handle: FileHandle | undefined = file;
    const withCrc = options.checksum === "crc32";
    const md5 = withCrc ? undefined : createHash("md5");
    let crc = 0;
    let written = 0;
    const flush = new EarlyFlush(file);
    try {
      for await (const chunk of chunksToStore(body, options.signal)) {
        await this.fs(() => writeFully(file, chunk), "write to");
        flush.wrote(chunk.byteLength);
        if (md5) md5.update(chunk);
        else crc = crc32(chunk, crc);
        written += chunk.byteLength;
        crashPoint("local-store.mid-write");
        options.onProgress?.(written);
      }
      // fsync before rename: after a crash the key holds the old object or the whole new one.
      await this.fs(() => flush.settle(), "write to");
      await this.fs(() => file.sync(), "write to");
      await file.close();
      handle = undefined;
    } finally {
      await flush.settle().catch(() => undefined);
      await handle?.close().catch(() => undefined);
    }
    if (options.signal?.aborted) throw cancelled();
    return { size: written, hash: md5 ? { etag: md5.digest("hex") } : { crc32: crc } };
  }

  async get(key: string): Promise<Readable> {
    const file = await this.existingFile(key);
    if (file) {
      try {
        const handle = await open(file, "r");
        if ((await handle.stat()).isFile()) return handle.createReadStream();
        await handle.close();
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    throw new LakebookError("LAKE_NOT_FOUND", `No object "${key}" in the lake at ${this.location}.`, {
      hint: "Check the key's casing and zero-padded date, or run the step that writes it.",
      params: { key },
    });
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const file = await this.existingFile(key);
    const info = file ? await lstatOrUndefined(file) : undefined;
    return info?.isFile() ? { key, size: info.size, lastModified: info.mtime } : undefined;
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    assertSafePrefix(prefix);
    if (prefix.startsWith(`${TEMP_FOLDER}/`)) return;
    const start = prefix === "" ? this.root : this.pathOf(prefix.slice(0, -1));
    const realStart = await realpathOrUndefined(start);
    if (realStart === undefined) return;
    await this.assertInside(prefix, realStart);
    const reserved = (name: string, depth: number) =>
      prefix === "" && depth === 0 && (name.startsWith("_") || name.startsWith("."));
    for await (const file of walkFiles(start, reserved)) {
      const key = prefix + file.relative;
      // A file named by hand (backslash, control characters) is not an object any store could serve.
      if (!isSafeKey(key)) continue;
      const info = await lstatOrUndefined(file.absolute);
      if (info?.isFile()) yield { key, size: info.size, lastModified: info.mtime };
    }
  }

  async delete(key: string): Promise<void> {
    const target = this.pathOf(key);
    const parent = await realpathOrUndefined(dirname(target));
    if (parent === undefined) return;
    await this.assertInside(key, parent);
    try {
      await unlink(target);
    } catch (error) {
      const code = errnoOf(error);
      // EISDIR/EPERM: the key names a folder of other objects, so there is no object to remove.
      if (isMissing(error) || code === "EISDIR" || code === "EPERM") return;
      throw this.unwritable(error, "delete from");
    }
  }

  /** The real path of the object's file if it exists and stays inside the lake. */
  private async existingFile(key: string): Promise<string | undefined> {
    const real = await realpathOrUndefined(this.pathOf(key));
    if (real !== undefined) await this.assertInside(key, real);
    return real;
  }

  private async assertInside(key: string, realPath: string): Promise<void> {
    const realRoot = await realpathOrUndefined(this.root);
    if (realRoot !== undefined && isInside(realRoot, realPath)) return;
    throw new LakebookError(
      "LAKE_KEY_INVALID",
      `Object key "${key}" resolves outside the lake folder ${this.root}.`,
      {
        hint: "A folder inside the lake is a symbolic link to somewhere else; replace it with a real folder.",
      },
    );
  }

  private async ensureRoot(): Promise<void> {
    try {
      await mkdir(this.tempDir, { recursive: true });
    } catch (error) {
      throw this.unwritable(error, "create");
    }
  }

  private async ensureParent(key: string, target: string): Promise<void> {
    const parent = dirname(target);
    const existing = await realpathOfDeepestExisting(parent, this.root);
    if (existing !== undefined) await this.assertInside(key, existing);
    try {
      await mkdir(parent, { recursive: true });
    } catch (error) {
      const code = errnoOf(error);
      if (code === "ENOTDIR" || code === "EEXIST")
        throw conflict(key, "a folder on its path is already an object");
      throw this.unwritable(error, "create folders in");
    }
    const real = await realpathOrUndefined(parent);
    await this.assertInside(key, real ?? parent);
  }

  private async replace(key: string, temp: string, target: string): Promise<void> {
    try {
      await rename(temp, target);
    } catch (error) {
      const code = errnoOf(error);
      if (code === "EISDIR" || code === "ENOTEMPTY" || code === "EEXIST") {
        throw conflict(key, "it is already a folder holding other objects");
      }
      throw this.unwritable(error, "write to");
    }
    await syncFolder(dirname(target));
  }

  private async fs<T>(action: () => Promise<T>, verb: string): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw this.unwritable(error, verb);
    }
  }

  private unwritable(error: unknown, verb: string): LakebookError {
    const code = errnoOf(error) ?? "unknown error";
    const full = code === "ENOSPC" || code === "EDQUOT";
    return new LakebookError("LAKE_UNWRITABLE", `Cannot ${verb} the lake folder ${this.root} (${code}).`, {
      hint: full
        ? "The disk is full: free some space and run the step again."
        : "Choose a lake folder you can write to (by default .lake/ beside the notebook), or fix its permissions.",
      retryable: full,
      cause: error,
    });
  }
}

/** FileHandle.write may write fewer bytes than asked; loop until the chunk is on disk. */
async function writeFully(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

function conflict(key: string, why: string): LakebookError {
  return new LakebookError("LAKE_KEY_CONFLICT", `Cannot store "${key}" in a local lake folder: ${why}.`, {
    hint: "A local lake cannot hold both an object K and objects under K/ (S3 can); rename one of them.",
  });
}
