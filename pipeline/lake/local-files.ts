import type { Dirent } from "node:fs";
import { lstat, open, readdir, realpath } from "node:fs/promises";
import { dirname, join, sep } from "node:path";

/** Small file-system helpers for LocalFolderStore; errors stay Node errors here, the store maps them. */

export function errnoOf(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/** "Nothing there": the path, or one of its parents, is missing or is a file. */
export function isMissing(error: unknown): boolean {
  const code = errnoOf(error);
  return code === "ENOENT" || code === "ENOTDIR";
}

export function isInside(root: string, path: string): boolean {
  const base = root.endsWith(sep) ? root : root + sep;
  return path === root || path.startsWith(base);
}

export async function realpathOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/**
 * The real path of the deepest part of `path` that exists, walking up but never above `stopAt`.
 * Checked before `mkdir -p`, so a symlinked parent cannot make us create folders outside the lake.
 */
export async function realpathOfDeepestExisting(path: string, stopAt: string): Promise<string | undefined> {
  let current = path;
  for (;;) {
    const real = await realpathOrUndefined(current);
    if (real !== undefined) return real;
    if (current === stopAt || dirname(current) === current) return undefined;
    current = dirname(current);
  }
}

/** Makes a rename durable across a crash; some file systems cannot fsync a folder, which is fine. */
export async function syncFolder(path: string): Promise<void> {
  try {
    const handle = await open(path, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the object is already in place; only crash durability is at stake.
  }
}

export interface FoundFile {
  /** Key-style path relative to the walk's start, joined with `/`. */
  relative: string;
  absolute: string;
}

/**
 * Regular files under `dir` in ascending S3 key order. Siblings are compared as UTF-8 bytes with a
 * folder counting as `name/`, which is exactly the order of the full keys: `a-c` (0x2D) comes
 * before everything in `a/` (0x2F). Symbolic links are not followed or listed.
 */
export async function* walkFiles(
  dir: string,
  skipFolder: (name: string, depth: number) => boolean,
  relative = "",
  depth = 0,
): AsyncGenerator<FoundFile> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  const ordered = entries
    .filter((entry) => entry.isFile() || (entry.isDirectory() && !skipFolder(entry.name, depth)))
    .map((entry) => ({ entry, order: Buffer.from(entry.isDirectory() ? `${entry.name}/` : entry.name) }))
    .sort((a, b) => Buffer.compare(a.order, b.order));
  for (const { entry } of ordered) {
    const path = join(dir, entry.name);
    const key = relative + entry.name;
    if (entry.isDirectory()) yield* walkFiles(path, skipFolder, `${key}/`, depth + 1);
    else yield { relative: key, absolute: path };
  }
}

export async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}
