import path from "node:path";
import { exportDashboard } from "../../service/export-dashboard";
import { parseCommandArgs, UsageError } from "../args";
import { failure, formatBytes, printError, printJson } from "../output";

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "export",
    argv,
    { html: { type: "string" }, lake: { type: "string" }, json: { type: "boolean" } },
    1,
  );
  const notebookArg = positionals[0];
  if (!notebookArg) throw new UsageError("export", "missing the notebook to export");
  if (!values.html) throw new UsageError("export", "missing --html <file>: the dashboard file to write");
  const notebookPath = path.resolve(notebookArg);
  try {
    const result = await exportDashboard({
      notebookPath,
      file: values.html,
      lake: values.lake,
      onChart: (id, index, total) => {
        if (!values.json) process.stderr.write(`[${index + 1}/${total}] ${id} (chart) …\n`);
      },
    });
    if (values.json) {
      printJson({ ok: true, notebook: notebookPath, ...result });
      return 0;
    }
    const charts = result.charts.length - result.kpis.length;
    process.stdout.write(
      `Wrote ${result.file} (${formatBytes(result.bytes)}): ${charts} chart${charts === 1 ? "" : "s"}, ${result.kpis.length} KPI tile${result.kpis.length === 1 ? "" : "s"}${result.filters.length ? `, filters: ${result.filters.join(", ")}` : ""}.\n`,
    );
    for (const chart of result.charts) {
      for (const warning of chart.warnings) process.stderr.write(`  ${chart.id}: ${warning}\n`);
    }
    return 0;
  } catch (error) {
    if (values.json) printJson({ ok: false, notebook: notebookPath, error: failure(error) });
    else printError(failure(error));
    return 1;
  }
}
