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
 *
 * A swap given a `followUp` (the catalog's entry for the new files) keeps its intent, marked
 * "swapped", until the caller calls `settleSwap`: a process killed after the swap but before that
 * follow-up leaves the new files under a stale description, and the next start hands the follow-up
 * back (`recoverTableSwaps`) so the catalog is brought in line without a rerun.
 */
export async function stagingFolder(lakeRoot: string): Promise<string> {
  // The pid says whose it is: see leftovers.ts.
  const folder = path.join(lakeRoot, TEMP_FOLDER, `transform-${process.pid}-${randomUUID()}`);
  await mkdir(folder, { recursive: true });
  return folder;
}

/** What a swap under way records, relative to the lake root so a moved lake still recovers. */
type SwapIntent =
  | { mode: "overwrite"; table: string; staged: string; old: string; followUp?: unknown }
  | { mode: "append"; table: string; staged: string; moved: string[]; followUp?: unknown }
  | { mode: "swapped"; table: string; followUp: unknown };

export interface SwapOptions {
  /** Plain JSON the caller still has to act on once the files are in; see `settleSwap`. */
  followUp?: unknown;
}

/** A swap whose files are in but whose follow-up never ran: act on it, then `settle()`. */
export interface SwapFollowUp {
  /** The table's folder, relative to the lake root. */
  table: string;
  followUp: unknown;
  /** The intent file's name in the lake's temp folder, kept until settled. */
  intentName: string;
  /** Removes the intent: the follow-up is done. */
  settle(): Promise<void>;
}

const INTENT_SUFFIX = ".swap.json";

/** Overwrite: the staged folder takes the table's place; the old files are removed after. */
export async function swapIn(staged: string, tableFolder: string, options: SwapOptions = {}): Promise<void> {
  const lakeRoot = lakeRootOf(staged);
  await mkdir(path.dirname(tableFolder), { recursive: true });
  const old = `${staged}-old`;
  const intent = `${staged}${INTENT_SUFFIX}`;
  await writeIntent(intent, {
    mode: "overwrite",
    table: path.relative(lakeRoot, tableFolder),
    staged: path.basename(staged),
    old: path.basename(old),
    ...followUpOf(options),
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
  await swapped(intent, path.relative(lakeRoot, tableFolder), options);
  if (hadTable) await rm(old, { recursive: true, force: true });
  crashPoint("folder-swap.swapped");
}

/**
 * Append: every staged file moves into the table under a name no earlier run used
 * (`<run>-<file>`), keeping its partition folders. A run killed part way is undone on recovery
 * (the moved files are taken out again), so the table never holds half an append.
 */
export async function appendIn(
  staged: string,
  tableFolder: string,
  runTag: string,
  options: SwapOptions = {},
): Promise<void> {
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
    ...followUpOf(options),
  });
  for (const move of moves) {
    await mkdir(path.dirname(move.target), { recursive: true });
    await rename(move.file, move.target);
    crashPoint("folder-swap.mid-append");
  }
  await swapped(intent, path.relative(lakeRoot, tableFolder), options);
  await rm(staged, { recursive: true, force: true });
  crashPoint("folder-swap.swapped");
}

/** The follow-up of a swap given one is done: its intent goes. */
export async function settleSwap(staged: string): Promise<void> {
  await rm(`${staged}${INTENT_SUFFIX}`, { force: true });
}

/** The files are in: without a follow-up the intent goes, with one it says so and waits for `settleSwap`. */
async function swapped(intent: string, table: string, options: SwapOptions): Promise<void> {
  if (options.followUp === undefined) await rm(intent, { force: true });
  else await writeIntent(intent, { mode: "swapped", table, followUp: options.followUp });
}

function followUpOf(options: SwapOptions): { followUp?: unknown } {
  return options.followUp === undefined ? {} : { followUp: options.followUp };
}

export async function discard(staged: string): Promise<void> {
  await rm(staged, { recursive: true, force: true });
  await rm(`${staged}${INTENT_SUFFIX}`, { force: true });
}

/**
 * Finishes or undoes every swap a killed process left in the lake's temp folder. Idempotent, so a
 * crash during recovery is recovered by the next start. Returns the tables it touched, and the
 * follow-ups of swaps whose new files are in: their intents stay until each is settled.
 */
export async function recoverTableSwaps(
  lakeRoot: string,
  isOrphaned: (name: string) => boolean,
): Promise<{ tables: string[]; followUps: SwapFollowUp[] }> {
  const temp = path.join(lakeRoot, TEMP_FOLDER);
  const names = await readdir(temp).catch(() => [] as string[]);
  const tables: string[] = [];
  const followUps: SwapFollowUp[] = [];
  for (const name of names) {
    if (!name.endsWith(INTENT_SUFFIX) || !isOrphaned(name)) continue;
    const file = path.join(temp, name);
    const intent = await readIntent(file);
    const newFilesIn = intent ? await recover(lakeRoot, temp, intent) : false;
    if (intent) tables.push(intent.table);
    if (intent && newFilesIn && intent.followUp !== undefined) {
      // Recorded as swapped first, so a crash while following up finds it again, and nothing is undone.
      if (intent.mode !== "swapped")
        await writeIntent(file, { mode: "swapped", table: intent.table, followUp: intent.followUp });
      followUps.push({
        table: intent.table,
        followUp: intent.followUp,
        intentName: name,
        settle: () => rm(file, { force: true }),
      });
    } else {
      await rm(file, { force: true });
    }
  }
  return { tables, followUps };
}

/** Settles one intent; true when the new files ended up in the table. */
async function recover(lakeRoot: string, temp: string, intent: SwapIntent): Promise<boolean> {
  if (intent.mode === "swapped") return true;
  const table = path.join(lakeRoot, intent.table);
  const staged = path.join(temp, intent.staged);
  let newFilesIn = false;
  if (intent.mode === "overwrite") {
    const old = path.join(temp, intent.old);
    // The staged folder gone and a table in place: the second rename happened, the new table is in.
    newFilesIn = !(await exists(staged)) && (await exists(table));
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
  return newFilesIn;
}

async function writeIntent(file: string, intent: SwapIntent): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(intent)}\n`);
}

async function readIntent(file: string): Promise<SwapIntent | undefined> {
  try {
    const intent = JSON.parse(await readFile(file, "utf8")) as SwapIntent;
    const names =
      intent.mode === "swapped"
        ? [intent.table]
        : [intent.table, intent.staged, ...(intent.mode === "append" ? intent.moved : [intent.old])];
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
