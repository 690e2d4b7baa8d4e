import { randomUUID } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { crashPoint } from "./crash-point";
import { tempTag } from "./leftovers";

/**
 * Lakebook's one way to replace a file: write a temp file, then rename it over the target. Readers
 * see the old file or the whole new one, never half of either, and a failed write leaves the old
 * file untouched and no temp file behind. The catalog, the run state and journal, the notebook,
 * caches, upload checkpoints, the local lake's objects and the demo CSVs all write through here.
 */
export interface AtomicWriteOptions {
  /**
   * Where the temp file goes (it must be on the target's file system for the rename). By default
   * beside the target, dot-prefixed (`.<name>.<pid>-<random>.tmp`) so listings that skip dot files
   * skip a temp file a crash left behind, and the next start can tell it is orphaned (`leftovers.ts`).
   */
  tempFolder?: string;
  /** Puts the finished temp file at the target; a plain rename by default. */
  replace?: (temp: string, target: string) => Promise<void>;
}

export interface WriteFileAtomicOptions extends AtomicWriteOptions {
  /**
   * Flush the temp file to disk before the rename, so after a crash the target holds the old
   * content or the whole new one (the default). Caches and records that are rebuilt when
   * unreadable pass false.
   */
  fsync?: boolean;
  /** Permission bits of the new file, as for fs.open (default 0o666, less the umask). */
  mode?: number;
}

/** A temp file of `writeAtomically` beside its target starts with a dot: see `tempFolder`. */
export function isTempFile(fileName: string): boolean {
  return fileName.startsWith(".");
}

/** Writes `data` (text as UTF-8) to `file` atomically. The folder must exist. */
export function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  return writeAtomically(
    file,
    async (temp) => {
      const handle = await open(temp, "wx", options.mode);
      try {
        await handle.writeFile(data, "utf8");
        if (options.fsync ?? true) await handle.sync();
      } finally {
        await handle.close();
      }
    },
    options,
  );
}

/**
 * The pattern for writers that stream or need their own file handling: `fill` gets the temp file's
 * path and writes it (opening, flushing and closing it itself), then the temp file is renamed over
 * `target` (or handed to `options.replace`). Whatever happens, the temp file does not outlive the call.
 */
export async function writeAtomically<T>(
  target: string,
  fill: (temp: string) => Promise<T>,
  options: AtomicWriteOptions = {},
): Promise<T> {
  const temp = tempPathFor(target, options.tempFolder);
  try {
    const result = await fill(temp);
    crashPoint("atomic-write.before-rename");
    await (options.replace ?? rename)(temp, target);
    return result;
  } finally {
    // After a rename there is nothing left to remove; after a failure this is the cleanup.
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

function tempPathFor(target: string, tempFolder: string | undefined): string {
  // In a temp folder of its own the name need not say what it is for: the writer's pid and a UUID.
  if (tempFolder !== undefined) return path.join(tempFolder, `${process.pid}-${randomUUID()}`);
  const name = `.${path.basename(target)}.${tempTag()}.tmp`;
  return path.join(path.dirname(target), name);
}
