import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { CellRunResult } from "../contract";
import { writeFileAtomic } from "../lake";

type RecordedCell = Omit<CellRunResult, "output"> & { finishedAt: string };

/** One write at a time per file: two cells finishing together must not drop each other's result. */
const queues = new Map<string, Promise<unknown>>();

/**
 * Last results per cell, kept in `.lakebook/<notebook>/last-run.json` beside the notebook, never
 * in the notebook file; a new result replaces only its own cell's. Table outputs are left out:
 * they are re-queried, not stored.
 */
export async function recordRunResults(
  stateDir: string,
  notebookPath: string,
  results: CellRunResult[],
): Promise<string> {
  const folder = path.join(stateDir, path.basename(notebookPath, ".lakebook.md"));
  const file = path.join(folder, "last-run.json");
  const finishedAt = new Date().toISOString();
  const write = async () => {
    await mkdir(folder, { recursive: true });
    const byId = new Map((await readRecorded(file)).map((cell) => [cell.id, cell]));
    for (const { output: _output, ...rest } of results) byId.set(rest.id, { ...rest, finishedAt });
    await writeFileAtomic(file, `${JSON.stringify({ cells: [...byId.values()] }, null, 2)}\n`);
  };
  const next = (queues.get(file) ?? Promise.resolve()).then(write, write);
  queues.set(file, next);
  try {
    await next;
  } finally {
    if (queues.get(file) === next) queues.delete(file);
  }
  return file;
}

async function readRecorded(file: string): Promise<RecordedCell[]> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as { cells?: RecordedCell[] };
    return Array.isArray(parsed.cells) ? parsed.cells : [];
  } catch {
    return []; // none yet, or cut short by a crash: start over
  }
}
