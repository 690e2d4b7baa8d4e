import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "./atomic-write";
import { crashPoint } from "./crash-point";
import { TEMP_FOLDER } from "./local-store";

/**
 * A table is written into a fresh folder under the lake's temp folder and only then swapped in for
 * the table's folder, so a failed or cancelled run leaves the previous table untouched — never half
 * a table. (The folder's `transform-` prefix is historical: SQL cells' CTAS stage here too.)
 *
 * A folder cannot be replaced by one atomic rename, so before touching the table a swap writes its
 * intent (`<staging>.swap.json`) beside the staging folder. If the process dies part way,
 * `recoverTableSwaps` (run when a workspace opens) puts the table back to the old or the new one:
 * whichever is under the table's name stays; when none is, the old one is moved back.
 */
export async function stagingFolder(lakeRoot: string): Promise<string> {
  // The pid says whose it is: see leftovers.ts.
  const folder = path.join(lakeRoot, TEMP_FOLDER, `transform-${process.pid}-${randomUUID()}`);
  await mkdir(folder, { recursive: true });
  return folder;
}

/** What a swap under way records, relative to the lake root so a moved lake still recovers. */
type SwapIntent =
  | { mode: "overwrite"; table: string; staged: string; old: string }
  | { mode: "append"; table: string; staged: string; moved: string[] };

const INTENT_SUFFIX = ".swap.json";

/** Overwrite: the staged folder takes the table's place; the old files are removed after. */
export async function swapIn(staged: string, tableFolder: string): Promise<void> {
  const lakeRoot = lakeRootOf(staged);
  await mkdir(path.dirname(tableFolder), { recursive: true });
  const old = `${staged}-old`;
  const intent = `${staged}${INTENT_SUFFIX}`;
  await writeIntent(intent, {
    mode: "overwrite",
    table: path.relative(lakeRoot, tableFolder),
    staged: path.basename(staged),
    old: path.basename(old),
  });
  crashPoint("folder-swap.before-swap");
  const hadTable = await exists(tableFolder);
  if (hadTable) await rename(tableFolder, old);
  crashPoint("folder-swap.between-renames");
  try {
    await rename(staged, tableFolder);
  } catch (error) {
    if (hadTable) await rename(old, tableFolder);
    await rm(intent, { force: true });
    throw error;
  }
  crashPoint("folder-swap.after-swap");
  await rm(intent, { force: true });
  if (hadTable) await rm(old, { recursive: true, force: true });
}

/**
 * Append: every staged file moves into the table under a name no earlier run used
 * (`<run>-<file>`), keeping its partition folders. A run killed part way is undone on recovery
 * (the moved files are taken out again), so the table never holds half an append.
 */
export async function appendIn(staged: string, tableFolder: string, runTag: string): Promise<void> {
  const lakeRoot = lakeRootOf(staged);
  const moves = (await filesBelow(staged)).map((file) => {
    const relative = path.relative(staged, file);
    return {
      file,
      target: path.join(tableFolder, path.dirname(relative), `${runTag}-${path.basename(relative)}`),
    };
  });
  const intent = `${staged}${INTENT_SUFFIX}`;
  await writeIntent(intent, {
    mode: "append",
    table: path.relative(lakeRoot, tableFolder),
    staged: path.basename(staged),
    moved: moves.map((move) => path.relative(lakeRoot, move.target)),
  });
  for (const move of moves) {
    await mkdir(path.dirname(move.target), { recursive: true });
    await rename(move.file, move.target);
    crashPoint("folder-swap.mid-append");
  }
  await rm(intent, { force: true });
  await rm(staged, { recursive: true, force: true });
}

export async function discard(staged: string): Promise<void> {
  await rm(staged, { recursive: true, force: true });
  await rm(`${staged}${INTENT_SUFFIX}`, { force: true });
}

/**
 * Finishes or undoes every swap a killed process left in the lake's temp folder. Idempotent, so a
 * crash during recovery is recovered by the next start. Returns the tables it touched.
 */
export async function recoverTableSwaps(
  lakeRoot: string,
  isOrphaned: (name: string) => boolean,
): Promise<string[]> {
  const temp = path.join(lakeRoot, TEMP_FOLDER);
  const names = await readdir(temp).catch(() => [] as string[]);
  const recovered: string[] = [];
  for (const name of names) {
    if (!name.endsWith(INTENT_SUFFIX) || !isOrphaned(name)) continue;
    const file = path.join(temp, name);
    const intent = await readIntent(file);
    if (intent) {
      await recover(lakeRoot, temp, intent);
      recovered.push(intent.table);
    }
    await rm(file, { force: true });
  }
  return recovered;
}

async function recover(lakeRoot: string, temp: string, intent: SwapIntent): Promise<void> {
  const table = path.join(lakeRoot, intent.table);
  const staged = path.join(temp, intent.staged);
  if (intent.mode === "overwrite") {
    const old = path.join(temp, intent.old);
    // Whatever is under the table's name (old before the swap, new after) stays; none: the old returns.
    if (!(await exists(table)) && (await exists(old))) {
      await mkdir(path.dirname(table), { recursive: true });
      await rename(old, table);
    }
    await rm(old, { recursive: true, force: true });
  } else {
    for (const moved of intent.moved) await rm(path.join(lakeRoot, moved), { force: true });
  }
  await rm(staged, { recursive: true, force: true });
}

async function writeIntent(file: string, intent: SwapIntent): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(intent)}\n`);
}

async function readIntent(file: string): Promise<SwapIntent | undefined> {
  try {
    const intent = JSON.parse(await readFile(file, "utf8")) as SwapIntent;
    const names = [intent.table, intent.staged, ...(intent.mode === "append" ? intent.moved : [intent.old])];
    // Only paths inside the lake: the intent file is Lakebook's own, but a lake may come from anyone.
    return names.every(
      (name) => typeof name === "string" && !name.split(/[\\/]/).includes("..") && !path.isAbsolute(name),
    )
      ? intent
      : undefined;
  } catch {
    return undefined; // an intent cut short was written before any rename: nothing to undo
  }
}

function lakeRootOf(staged: string): string {
  return path.dirname(path.dirname(staged));
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
