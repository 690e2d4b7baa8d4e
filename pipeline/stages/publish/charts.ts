import { LakebookError } from "../../contract";
import { attr, type Cell, type Notebook } from "../../document";
import { tableReferences } from "../../engine";
import { parseChartSpec, type VegaLiteSpec } from "./translate";

/** Where a chart's rows come from: its SQL cell (a CustomSql dataset) or a REFINED table. */
export type ChartSource =
  | { kind: "sql"; cellId: string; sql: string; tables: string[] }
  | { kind: "table"; database: "refined"; table: string };

export interface PublishChart {
  chartId: string;
  spec: VegaLiteSpec;
  source: ChartSource;
}

/** The course rule: QuickSight datasets come from the REFINED zone only. */
const REFINED_HINT =
  "Datasets are built from REFINED tables only (the course rule): point the chart at a SQL cell that reads refined.* " +
  "tables, or at a table with table=refined.<name> on the chart cell.";

/** Finds each chart cell the publish cell names, with its spec and its source. */
export function findCharts(notebook: Notebook, chartIds: readonly string[]): PublishChart[] {
  return chartIds.map((chartId) => {
    const cell = notebook.cells.find((c) => c.id === chartId);
    if (cell?.kind !== "chart") {
      const charts = notebook.cells.filter((c) => c.kind === "chart").map((c) => c.id);
      throw new LakebookError(
        "PUBLISH_CHART_NOT_FOUND",
        cell
          ? `${chartId} is a ${cell.kind} cell, not a chart.`
          : `There is no chart cell ${chartId} in this notebook.`,
        {
          hint: charts.length
            ? `The chart cells are: ${charts.join(", ")}.`
            : "Add a chart cell (```chart {#id source=<sql cell>}) first.",
        },
      );
    }
    return { chartId, spec: parseChartSpec(chartId, cell.source), source: chartSource(notebook, cell) };
  });
}

function chartSource(notebook: Notebook, chart: Cell): ChartSource {
  const table = attr(chart, "table");
  if (table) {
    const [database, name, extra] = table.split(".");
    if (database !== "refined" || !name || extra !== undefined) {
      throw new LakebookError(
        "PUBLISH_NOT_REFINED",
        `The chart ${chart.id} reads ${table}, which is not a REFINED table.`,
        {
          hint: REFINED_HINT,
        },
      );
    }
    return { kind: "table", database: "refined", table: name };
  }
  const sourceId = attr(chart, "source");
  if (!sourceId) {
    throw new LakebookError(
      "PUBLISH_CHART_SOURCE",
      `The chart ${chart.id} names no data: it has neither source= nor table=.`,
      {
        hint: `Add source=<sql cell id> or table=refined.<name> to its info string: \`\`\`chart {#${chart.id} source=top_subgenres}`,
      },
    );
  }
  const sqlCell = notebook.cells.find((c) => c.id === sourceId);
  if (sqlCell?.kind !== "sql") {
    throw new LakebookError(
      "PUBLISH_CHART_SOURCE",
      `The chart ${chart.id} reads source=${sourceId}, which is not a SQL cell of this notebook.`,
      {
        hint: "source= names the id of the SQL cell whose result the chart draws.",
      },
    );
  }
  const sql = sqlCell.source.trim().replace(/;\s*$/, "");
  const tables = tableReferences(sql).reads;
  const outside = tables.filter((name) => !/^refined\.[^.]+$/i.test(name));
  if (tables.length === 0 || outside.length > 0) {
    throw new LakebookError(
      "PUBLISH_NOT_REFINED",
      outside.length > 0
        ? `The chart ${chart.id} reads ${outside.join(", ")} through ${sourceId}: not REFINED tables.`
        : `The SQL cell ${sourceId} reads no catalog table, so it cannot become a QuickSight dataset.`,
      { hint: REFINED_HINT },
    );
  }
  return { kind: "sql", cellId: sourceId, sql, tables: tables.map((t) => t.toLowerCase()) };
}

/** The REFINED tables (`refined.x`) a publish reads: what the preflight looks up in the Glue Data Catalog. */
export function refinedTablesOf(charts: readonly PublishChart[]): string[] {
  const names = charts.flatMap((c) =>
    c.source.kind === "table" ? [`refined.${c.source.table}`] : c.source.tables,
  );
  return [...new Set(names)].sort();
}
