import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CellRunResult } from "../contract";

/**
 * Last results per cell, kept in `.lakebook/<notebook>/last-run.json` beside the notebook,
 * never in the notebook file. Table outputs are left out: they are re-queried, not stored.
 */
export async function recordRunResults(
  stateDir: string,
  notebookPath: string,
  results: CellRunResult[],
): Promise<string> {
  const folder = path.join(stateDir, path.basename(notebookPath, ".lakebook.md"));
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, "last-run.json");
  const cells = results.map(({ output: _output, ...rest }) => ({
    ...rest,
    finishedAt: new Date().toISOString(),
  }));
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify({ cells }, null, 2)}\n`);
  await rename(temp, file);
  return file;
}
