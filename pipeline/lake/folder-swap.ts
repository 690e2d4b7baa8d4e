import { randomUUID } from "node:crypto";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { TEMP_FOLDER } from "./local-store";

/**
 * A table is written into a fresh folder under the lake's temp folder and only then swapped in for
 * the table's folder, so a failed or cancelled run leaves the previous table untouched — never half
 * a table. (The folder's `transform-` prefix is historical: SQL cells' CTAS stage here too.)
 */
export async function stagingFolder(lakeRoot: string): Promise<string> {
  const folder = path.join(lakeRoot, TEMP_FOLDER, `transform-${randomUUID()}`);
  await mkdir(folder, { recursive: true });
  return folder;
}

/** Overwrite: the staged folder takes the table's place; the old files are removed after. */
export async function swapIn(staged: string, tableFolder: string): Promise<void> {
  await mkdir(path.dirname(tableFolder), { recursive: true });
  const old = `${staged}-old`;
  const hadTable = await exists(tableFolder);
  if (hadTable) await rename(tableFolder, old);
  try {
    await rename(staged, tableFolder);
  } catch (error) {
    if (hadTable) await rename(old, tableFolder);
    throw error;
  }
  if (hadTable) await rm(old, { recursive: true, force: true });
}

/**
 * Append: every staged file moves into the table under a name no earlier run used
 * (`<run>-<file>`), keeping its partition folders.
 */
export async function appendIn(staged: string, tableFolder: string, runTag: string): Promise<void> {
  for (const file of await filesBelow(staged)) {
    const relative = path.relative(staged, file);
    const target = path.join(tableFolder, path.dirname(relative), `${runTag}-${path.basename(relative)}`);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(file, target);
  }
  await rm(staged, { recursive: true, force: true });
}

export async function discard(staged: string): Promise<void> {
  await rm(staged, { recursive: true, force: true });
}

async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function exists(target: string): Promise<boolean> {
  try {
    await stat(target);
    return true;
  } catch {
    return false;
  }
}
