import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { recoverTableSwaps } from "./folder-swap";
import { isAlive, isOrphaned, ownerOf, removeOrphanedTempFiles } from "./leftovers";
import { TEMP_FOLDER } from "./local-store";

export interface LeftoverFolders {
  lakeRoot: string;
  /** Folders where Lakebook writes files beside their targets; `recursive` looks below them too. */
  besideTargets: { folder: string; recursive: boolean }[];
}

export interface Recovery {
  /** Tables whose interrupted swap was finished or undone (lake-relative folders). */
  tables: string[];
  /** Temp files and staging folders removed (absolute paths). */
  removed: string[];
}

/**
 * What a start does after a crash, before anything else touches the lake: finish or undo the
 * table swaps a killed process left (`folder-swap.ts`), then remove the temp files and staging
 * folders of processes that are gone — in the lake's temp folder, and beside targets in the given
 * folders (only Lakebook's own temp-name patterns: see `leftovers.ts`).
 */
export async function recoverAfterCrash(folders: LeftoverFolders): Promise<Recovery> {
  const tables = await recoverTableSwaps(folders.lakeRoot, (name) => {
    const owner = ownerOf(name);
    return owner !== undefined && !isAlive(owner);
  });
  const removed: string[] = [];
  const temp = path.join(folders.lakeRoot, TEMP_FOLDER);
  for (const name of await readdir(temp).catch(() => [] as string[])) {
    const entry = path.join(temp, name);
    if (!(await isOrphaned(entry, name))) continue;
    await rm(entry, { recursive: true, force: true });
    removed.push(entry);
  }
  for (const { folder, recursive } of folders.besideTargets) {
    removed.push(...(await removeOrphanedTempFiles(folder, recursive)));
  }
  return { tables, removed };
}
