import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type CellRunResult, CellRunResultSchema, type QueryResult, type RestoredRun } from "../contract";
import { writeFileAtomic } from "../lake";

/** Rows of a table output kept on disk: the first page is what the cell showed before scrolling. */
const KEPT_ROWS = 100;

function outputsFolder(stateDir: string, notebookPath: string): string {
  return path.join(stateDir, path.basename(notebookPath, ".lakebook.md"), "outputs");
}

/**
 * A table output's result lives in the engine for the service's lifetime only: after a restart its
 * id names nothing, so the record keeps the first rows and says the rest went with the session.
 */
function keepable(result: CellRunResult): CellRunResult {
  const output = result.output;
  const kept = (query: QueryResult): QueryResult => ({
    ...query,
    rows: query.rows.slice(0, KEPT_ROWS),
    resultId: "",
  });
  if (output?.type === "table") return { ...result, output: { type: "table", result: kept(output.result) } };
  if (output?.type === "transform" && output.preview)
    return { ...result, output: { ...output, preview: kept(output.preview) } };
  return result;
}

/**
 * Each cell's last output, one file per cell in `.lakebook/<notebook>/outputs/<id>.json`, with the
 * source it ran: the UI shows it again after a reload and marks it stale when the source differs.
 * One file per cell so a run rewrites only its own cell's (a chart inlines its data; a notebook's
 * outputs together are megabytes).
 */
export async function recordLastOutput(
  stateDir: string,
  notebookPath: string,
  result: CellRunResult,
  source: string,
): Promise<void> {
  const folder = outputsFolder(stateDir, notebookPath);
  await mkdir(folder, { recursive: true });
  const record: RestoredRun = { result: keepable(result), source, finishedAt: new Date().toISOString() };
  await writeFileAtomic(path.join(folder, `${result.id}.json`), JSON.stringify(record));
}

/** The recorded last runs, oldest first; a file that no longer parses (or is from an older shape) is skipped. */
export async function readLastOutputs(stateDir: string, notebookPath: string): Promise<RestoredRun[]> {
  const folder = outputsFolder(stateDir, notebookPath);
  const names = await readdir(folder).catch(() => [] as string[]);
  const runs: RestoredRun[] = [];
  for (const name of names.filter((n) => n.endsWith(".json"))) {
    try {
      const parsed = JSON.parse(await readFile(path.join(folder, name), "utf8")) as RestoredRun;
      const result = CellRunResultSchema.safeParse(parsed.result);
      if (!result.success || typeof parsed.source !== "string" || typeof parsed.finishedAt !== "string")
        continue;
      runs.push({ result: result.data, source: parsed.source, finishedAt: parsed.finishedAt });
    } catch {
      // Cut short by a crash or hand-edited: that cell simply shows "Not run".
    }
  }
  return runs.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
}
