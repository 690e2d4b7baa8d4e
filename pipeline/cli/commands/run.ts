import path from "node:path";
import type { CellRunResult, ServiceEvent } from "../../contract";
import { openWorkspace, recordRunResults, runCell, skippedCell } from "../../service";
import { parseCommandArgs, UsageError } from "../args";
import { failure, printError, printJson } from "../output";
import { ProgressPrinter } from "../progress-printer";

export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "run",
    argv,
    { lake: { type: "string" }, cell: { type: "string" }, json: { type: "boolean" } },
    1,
  );
  const notebookArg = positionals[0];
  if (!notebookArg) throw new UsageError("run", "missing the notebook to run");
  const notebookPath = path.resolve(notebookArg);

  let workspace: Awaited<ReturnType<typeof openWorkspace>>;
  try {
    workspace = await openWorkspace({ notebookPath, lake: values.lake });
  } catch (error) {
    if (values.json) printJson({ ok: false, notebook: notebookPath, cells: [], error: failure(error) });
    else printError(failure(error));
    return 1;
  }
  try {
    const cells = workspace.notebook?.cells ?? [];
    const selected = values.cell ? cells.filter((cell) => cell.id === values.cell) : cells;
    if (values.cell && selected.length === 0) {
      throw new UsageError("run", `no cell with id ${JSON.stringify(values.cell)} in ${notebookArg}`);
    }
    const printer = new ProgressPrinter(process.stderr);
    const emit = (event: ServiceEvent) => printer.handle(event);
    const results: CellRunResult[] = [];
    for (const [index, cell] of selected.entries()) {
      if (results.some((result) => result.status === "error")) {
        results.push(skippedCell(cell, "Skipped: an earlier cell failed."));
        continue;
      }
      printer.cellStarting(index + 1, selected.length, cell.id, cell.kind);
      const controller = new AbortController();
      const cancel = () => controller.abort();
      process.once("SIGINT", cancel);
      results.push(
        await runCell(workspace, cell, { runId: `cli-${index + 1}`, signal: controller.signal, emit }),
      );
      process.off("SIGINT", cancel);
    }
    await recordRunResults(workspace.stateDir, notebookPath, results);
    const ok = results.every((result) => result.status === "ok");
    printer.finished(results);
    if (values.json) {
      printJson({
        ok,
        notebook: notebookPath,
        cells: results.map(({ output: _output, ...result }) => result),
      });
    }
    return ok ? 0 : 1;
  } finally {
    await workspace.close();
  }
}
