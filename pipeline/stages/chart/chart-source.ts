import { LakebookError } from "../../contract";
import { attr, type Cell } from "../../document";
import { quoteIdentifier, tableReferences } from "../../engine";

/** Where a chart's rows come from: a SQL cell's query (`source=`) or a catalog table (`table=`). */
export interface ChartSource {
  /** One SELECT, used as a subquery. */
  sql: string;
  /** `top_subgenres` or `refined.dim_title`, for messages. */
  name: string;
}

const TABLE = /^[A-Za-z_][\w$]*\.[A-Za-z_][\w$]*$/;

export function chartSource(cell: Cell, cells: readonly Cell[]): ChartSource {
  const sourceId = attr(cell, "source");
  const table = attr(cell, "table");
  const sqlCells = cells.filter((c) => c.kind === "sql").map((c) => c.id);
  const hint = `Add source=<a sql cell's id> (${sqlCells.join(", ") || "no sql cells yet"}) or table=<database.table> to the cell's first line, e.g. \`\`\`chart {#${cell.id} source=${sqlCells[0] ?? "top_subgenres"}}.`;
  if (sourceId && table !== undefined) {
    throw new LakebookError("CHART_SOURCE_INVALID", `Chart ${cell.id} names both source= and table=.`, {
      hint: "Keep one: the chart reads either a SQL cell's result or a table.",
      params: { cell: cell.id },
    });
  }
  if (table !== undefined) {
    if (!TABLE.test(table)) {
      throw new LakebookError(
        "CHART_SOURCE_INVALID",
        `Chart ${cell.id}: table="${table}" is not database.table.`,
        {
          hint: "Name a catalog table, e.g. table=refined.fact_title_rating.",
          params: { cell: cell.id },
        },
      );
    }
    const [database = "", name = ""] = table.split(".");
    return { sql: `SELECT * FROM ${quoteIdentifier(database)}.${quoteIdentifier(name)}`, name: table };
  }
  if (!sourceId)
    throw new LakebookError("CHART_SOURCE_MISSING", `Chart ${cell.id} has no data source.`, {
      hint,
      params: { cell: cell.id },
    });
  const source = cells.find((c) => c.id === sourceId);
  if (!source) {
    throw new LakebookError("CHART_SOURCE_MISSING", `Chart ${cell.id}: there is no cell ${sourceId}.`, {
      hint,
      params: { cell: cell.id },
    });
  }
  if (source.kind !== "sql") {
    throw new LakebookError(
      "CHART_SOURCE_INVALID",
      `Chart ${cell.id}: source=${sourceId} is a ${source.kind} cell, not a sql cell.`,
      {
        hint: "A transform writes a table: chart it with table=<its output>, or query it in a sql cell.",
        params: { cell: cell.id },
      },
    );
  }
  return { sql: singleSelect(cell.id, source), name: sourceId };
}

/** A subquery holds one statement: a trailing `;` is dropped, a second statement is refused. */
function singleSelect(chartId: string, source: Cell): string {
  const text = source.source.replace(/;(\s|--[^\n]*)*$/, "").trimEnd();
  const blanked = text.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"/g, (m) =>
    " ".repeat(m.length),
  );
  if (!text.trim() || blanked.includes(";")) {
    throw new LakebookError(
      "CHART_SOURCE_INVALID",
      `Chart ${chartId}: ${source.id} must hold exactly one SELECT to be charted.`,
      {
        hint: `Keep one query in ${source.id}, or chart a table with table=<database.table>.`,
        params: { cell: chartId },
      },
    );
  }
  return text;
}

/**
 * What a chart reads, for stale tracking: the source cell's id (cells also "write" their id, so a
 * rerun of the SQL cell makes the chart stale) and the tables that SQL reads, or the table named.
 */
export function chartDependencies(
  cell: Cell,
  cells: readonly Cell[] = [],
): { reads: string[]; writes: string[] } {
  const table = attr(cell, "table");
  if (table) return { reads: [table.toLowerCase()], writes: [] };
  const sourceId = attr(cell, "source");
  if (!sourceId) return { reads: [], writes: [] };
  const source = cells.find((c) => c.id === sourceId);
  const tables = source?.kind === "sql" ? tableReferences(source.source).reads : [];
  return { reads: [sourceId, ...tables], writes: [] };
}
