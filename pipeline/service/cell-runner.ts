import { performance } from "node:perf_hooks";
import type { CellRunResult, ServiceEvent } from "../contract";
import type { Cell } from "../document";
import { FailureWithOutput, stageFor } from "../stages";
import { checkCellPermissions } from "./aws-doctor";
import { publicError, publicOutput } from "./public-error";
import type { Workspace } from "./workspace";

export interface CellRunOptions {
  runId: string;
  signal: AbortSignal;
  emit(event: ServiceEvent): void;
}

/** Runs one cell through its stage; every failure becomes a result with an error, never a throw. */
export async function runCell(
  workspace: Workspace,
  cell: Cell,
  options: CellRunOptions,
): Promise<CellRunResult> {
  const { runId, signal, emit } = options;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  emit({ type: "run.started", runId, cellId: cell.id });
  try {
    if (!workspace.notebook) throw new Error("No notebook is open");
    // On an aws target, a missing IAM permission fails the cell here, before the stage's first call.
    await checkCellPermissions(workspace, cell, (level, text) =>
      emit({ type: "run.log", runId, cellId: cell.id, level, text }),
    );
    const outcome = await stageFor(cell.kind).run(cell, {
      notebook: workspace.notebook,
      notebookPath: workspace.notebookPath,
      baseDir: workspace.baseDir,
      stateDir: workspace.stateDir,
      target: workspace.target,
      lakeRoot: workspace.lakeRoot,
      store: workspace.store,
      engine: workspace.engine,
      catalog: workspace.catalog,
      aws: workspace.aws,
      signal,
      storedTmdbCredential: () => workspace.tmdbCredentials.load(),
      progress: (update) => emit({ type: "run.progress", runId, cellId: cell.id, ...update }),
      log: (level, text) => emit({ type: "run.log", runId, cellId: cell.id, level, text }),
    });
    return finish({ id: cell.id, kind: cell.kind, status: "ok", ms: elapsed(), ...outcome });
  } catch (error) {
    // The result is printed by the CLI and kept in .lakebook/: no stack frames, no credentials quoted.
    const serviceError = publicError(error);
    return finish({
      id: cell.id,
      kind: cell.kind,
      status: "error",
      ms: elapsed(),
      summary: serviceError.message,
      error: serviceError,
      ...(error instanceof FailureWithOutput ? { output: publicOutput(error.output) } : {}),
    });
  }

  function finish(result: CellRunResult): CellRunResult {
    emit({ type: "run.finished", runId, result });
    return result;
  }
}

/** Skipped cells are reported, not silently dropped, so a headless run shows where it stopped. */
export function skippedCell(cell: Cell, reason: string): CellRunResult {
  return { id: cell.id, kind: cell.kind, status: "skipped", ms: 0, summary: reason };
}
