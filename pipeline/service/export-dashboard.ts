import path from "node:path";
import { type ChartOutput, LakebookError, toServiceError } from "../contract";
import { writeFileAtomic } from "../lake";
import { runChart } from "../stages/chart";
import { buildDashboard, type SkippedChart } from "../stages/chart/dashboard";
import { openWorkspace, type Workspace } from "./workspace";

export interface DashboardExportOptions {
  notebookPath: string;
  /** The HTML file to write (replaced atomically). */
  file: string;
  /** Overrides the notebook's lake folder (`--lake DIR`). */
  lake?: string | undefined;
  signal?: AbortSignal;
  /** Called before each chart cell runs, e.g. for a progress line. */
  onChart?(id: string, index: number, total: number): void;
}

export interface DashboardExport {
  file: string;
  bytes: number;
  title: string;
  charts: { id: string; sourceRows: number; sentRows: number; pushedDown: boolean; warnings: string[] }[];
  /** Chart cells laid out as KPI tiles. */
  kpis: string[];
  /** Fields with a filter select. */
  filters: string[];
}

/** The dashboard as text, for the UI's "Export dashboard" (`GET /dashboard.html`): nothing is written. */
export interface DashboardHtml {
  html: string;
  /** `<notebook name>.dashboard.html`, for the download. */
  fileName: string;
}

/**
 * The dashboard of a notebook already open in the service, built in memory on its own engine and
 * lake (the tables the charts read are the ones the UI's runs made).
 */
export async function exportDashboardHtml(
  workspace: Pick<Workspace, "notebook" | "notebookPath" | "engine">,
  options: { signal?: AbortSignal } = {},
): Promise<DashboardHtml> {
  const notebookPath = workspace.notebookPath ?? "notebook.lakebook.md";
  // In the workbench one broken chart (a new one, half made) must not cost the user the other six.
  const { built } = await buildNotebookDashboard(workspace, notebookPath, { ...options, skipFailing: true });
  return {
    html: built.html,
    fileName: `${path.basename(notebookPath).replace(/\.lakebook\.md$|\.md$/, "")}.dashboard.html`,
  };
}

/**
 * Runs the notebook's chart cells on its lake (the tables they read must exist: run the notebook
 * first) and writes them as one self-contained HTML dashboard. Nothing is written when a chart fails.
 */
export async function exportDashboard(options: DashboardExportOptions): Promise<DashboardExport> {
  const workspace = await openWorkspace({ notebookPath: options.notebookPath, lake: options.lake });
  try {
    const { built, outputs } = await buildNotebookDashboard(workspace, options.notebookPath, options);
    const file = path.resolve(options.file);
    try {
      await writeFileAtomic(file, built.html);
    } catch (error) {
      throw new LakebookError(
        "EXPORT_UNWRITABLE",
        `Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        { hint: "Check that the folder exists and that you can write to it.", cause: error },
      );
    }
    return {
      file,
      bytes: Buffer.byteLength(built.html),
      title: built.title,
      charts: [...outputs].map(([id, output]) => ({
        id,
        sourceRows: output.sourceRows,
        sentRows: output.sentRows,
        pushedDown: output.pushedDown,
        warnings: output.warnings,
      })),
      kpis: built.kpis,
      filters: built.filters,
    };
  } finally {
    await workspace.close();
  }
}

/** Runs every chart cell, then builds the page: the one builder both exports share. */
async function buildNotebookDashboard(
  workspace: Pick<Workspace, "notebook" | "engine">,
  notebookPath: string,
  options: Pick<DashboardExportOptions, "signal" | "onChart"> & { skipFailing?: boolean },
) {
  const notebook = workspace.notebook;
  const cells = notebook?.cells ?? [];
  const charts = cells.filter((cell) => cell.kind === "chart");
  if (!notebook || charts.length === 0) {
    throw new LakebookError("DASHBOARD_EMPTY", `${path.basename(notebookPath)} has no chart cells.`, {
      hint: "Add a chart cell, e.g. ```chart {#my_chart source=<a sql cell>} with a Vega-Lite spec, then export again.",
    });
  }
  const outputs = new Map<string, ChartOutput>();
  const skipped: SkippedChart[] = [];
  let firstFailure: LakebookError | undefined;
  for (const [index, cell] of charts.entries()) {
    options.onChart?.(cell.id, index, charts.length);
    try {
      outputs.set(cell.id, await runChart(cell, { engine: workspace.engine, cells, signal: options.signal }));
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const { message, hint } = toServiceError(error);
      const failure = new LakebookError("DASHBOARD_CHART_FAILED", `Chart ${cell.id} failed: ${message}`, {
        hint:
          hint ??
          `Run the notebook first (lakebook run ${path.basename(notebookPath)}) so the tables its charts read exist.`,
        cause: error,
        params: { cell: cell.id },
      });
      // The CLI (a script, CI) fails whole: a half dashboard written without anyone reading it is worse.
      if (!options.skipFailing) throw failure;
      firstFailure ??= failure;
      skipped.push({ id: cell.id, message: `${message}${hint ? ` ${hint}` : ""}` });
    }
  }
  if (firstFailure && outputs.size === 0) throw firstFailure;
  const built = await buildDashboard(notebook, outputs, path.basename(notebookPath), skipped);
  return { built, outputs };
}
