import { randomBytes } from "node:crypto";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

/**
 * What a killed Lakebook leaves behind, and how the next start finds it.
 *
 * Every temp file or staging folder Lakebook makes carries the maker's process id in its name
 * (`tempTag`), so a later start removes exactly those whose maker is gone: never a file another
 * running Lakebook (the CLI beside the desktop app, say) is still writing, and never a user's file,
 * since only Lakebook's own name patterns are touched. A name without a process id (made by an
 * older version) counts as orphaned once it has not changed for an hour.
 */
export function tempTag(): string {
  return `${process.pid}-${randomBytes(6).toString("hex")}`;
}

/** A temp file beside its target: `.<name>.<pid>-<hex>.tmp` (atomic-write), or an upload's `.uploading`. */
const BESIDE_TARGET = /^\..+\.(?:(\d+)-)?[0-9a-f]{12}\.(?:tmp|uploading)$/;

const STALE_WITHOUT_OWNER_MS = 60 * 60 * 1000;

/** The process id a leftover's name carries (`<pid>-…` or `transform-<pid>-…`), if any. */
export function ownerOf(name: string): number | undefined {
  const beside = BESIDE_TARGET.exec(name);
  const digits = beside ? beside[1] : /^(?:transform-)?(\d+)-/.exec(name)?.[1];
  return digits === undefined ? undefined : Number(digits);
}

export function isLeftoverBesideTarget(name: string): boolean {
  return BESIDE_TARGET.test(name);
}

export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the entry at `file` (named `name`) was left by a process that is gone. */
export async function isOrphaned(file: string, name: string, now = Date.now()): Promise<boolean> {
  const owner = ownerOf(name);
  if (owner !== undefined) return !isAlive(owner);
  const info = await stat(file).catch(() => undefined);
  return info !== undefined && now - info.mtimeMs > STALE_WITHOUT_OWNER_MS;
}

/**
 * Removes the orphaned temp files beside targets in `folder` (and below it when `recursive`):
 * only names of the `.<name>.<pid>-<hex>.tmp` / `.uploading` shape. Returns what it removed.
 */
export async function removeOrphanedTempFiles(folder: string, recursive: boolean): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive }).catch(() => []);
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !isLeftoverBesideTarget(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (!(await isOrphaned(file, entry.name))) continue;
    await rm(file, { force: true });
    removed.push(file);
  }
  return removed;
}
