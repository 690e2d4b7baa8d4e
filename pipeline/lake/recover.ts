import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { recoverTableSwaps, type SwapFollowUp } from "./folder-swap";
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
  /**
   * Swaps whose new files are in but whose follow-up (the catalog's entry) never ran: the caller
   * updates the catalog, then settles each; an unsettled one comes back on the next start.
   */
  followUps: SwapFollowUp[];
}

/**
 * What a start does after a crash, before anything else touches the lake: finish or undo the
 * table swaps a killed process left (`folder-swap.ts`), then remove the temp files and staging
 * folders of processes that are gone — in the lake's temp folder, and beside targets in the given
 * folders (only Lakebook's own temp-name patterns: see `leftovers.ts`).
 */
export async function recoverAfterCrash(folders: LeftoverFolders): Promise<Recovery> {
  const { tables, followUps } = await recoverTableSwaps(folders.lakeRoot, (name) => {
    const owner = ownerOf(name);
    return owner !== undefined && !isAlive(owner);
  });
  const removed: string[] = [];
  const temp = path.join(folders.lakeRoot, TEMP_FOLDER);
  const waiting = new Set(followUps.map((followUp) => followUp.intentName));
  for (const name of await readdir(temp).catch(() => [] as string[])) {
    if (waiting.has(name)) continue; // an intent kept for its follow-up
    const entry = path.join(temp, name);
    if (!(await isOrphaned(entry, name))) continue;
    await rm(entry, { recursive: true, force: true });
    removed.push(entry);
  }
  for (const { folder, recursive } of folders.besideTargets) {
    removed.push(...(await removeOrphanedTempFiles(folder, recursive)));
  }
  return { tables, removed, followUps };
}
