import { type ChartOutput, LakebookError, type Row } from "../../contract";
import type { Cell } from "../../document";
import { type Engine, quoteIdentifier } from "../../engine";
import { chartSource } from "./chart-source";
import { parseChartSpec, type Spec } from "./chart-spec";
import { derivedFields, fieldUses, isObject, unitSpecs } from "./encoding-fields";
import { aggregateSql, planPushdown } from "./pushdown";
import { checkSpec } from "./spec-check";

/** Rows a chart sends to the browser at most: Vega draws a few thousand marks smoothly, not millions. */
export const ROW_CAP = 5_000;

const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** The first `pageSize` rows of a query, with the full count: DuckDB's answer shape. */
export interface ChartRows {
  columns: { name: string; type: string }[];
  rows: Row[];
  rowCount: number;
}

/** Where a chart's queries run: the local engine by default, Athena on an aws target (athena-preview.ts). */
export type ChartQuery = (sql: string, pageSize: number) => Promise<ChartRows>;

export interface ChartRunContext {
  engine: Engine;
  cells: readonly Cell[];
  signal?: AbortSignal;
  rowCap?: number;
  /** Runs the chart's queries somewhere other than `engine`. */
  query?: ChartQuery;
}

/** Reads the spec, checks it and its fields against the source, runs the data query, inlines the rows. */
export async function runChart(cell: Cell, context: ChartRunContext): Promise<ChartOutput> {
  const { signal } = context;
  const query: ChartQuery =
    context.query ?? ((sql, pageSize) => localRows(context.engine, sql, pageSize, signal));
  const cap = context.rowCap ?? ROW_CAP;
  const userSpec = parseChartSpec(cell.id, cell.source);
  const source = chartSource(cell, context.cells);
  const warnings = checkSpec(cell.id, userSpec);
  const { data, datasets, ...spec } = userSpec;
  if (data !== undefined || datasets !== undefined) {
    warnings.push(`The spec's data is replaced by the rows of ${source.name}.`);
  }
  const from = `FROM (\n${source.sql}\n) AS source`;
  const columns = (await query(`SELECT * ${from} LIMIT 0`, 0)).columns;
  checkFields(cell.id, spec, source.name, columns);

  const decision = await planPushdown(spec, async (column) => {
    const c = quoteIdentifier(column);
    const sql = `SELECT min(CAST(${c} AS DOUBLE)) AS lo, max(CAST(${c} AS DOUBLE)) AS hi ${from}`;
    const [extent] = (await query(sql, 1)).rows;
    return typeof extent?.lo === "number" && typeof extent.hi === "number" ? [extent.lo, extent.hi] : null;
  });
  let sql: string;
  let drawn: Spec;
  let sourceRows: number;
  let result: { rows: Row[]; rowCount: number };
  if (decision.pushdown) {
    sql = aggregateSql(source.sql, decision.plan);
    drawn = decision.plan.spec;
    const [counted] = (await query(`SELECT count(*) AS n ${from}`, 1)).rows;
    sourceRows = Number(counted?.n ?? 0);
    result = await query(sql, cap);
    if (result.rowCount > cap) {
      warnings.push(`${count(result.rowCount)} groups; the chart shows the first ${count(cap)}.`);
    }
  } else {
    if (decision.reason) {
      warnings.push(`Not aggregated in the engine: ${decision.reason}. Vega-Lite aggregates the rows sent.`);
    }
    sql = `SELECT ${selectedColumns(spec)} ${from}`;
    drawn = spec;
    result = await query(sql, cap);
    sourceRows = result.rowCount;
    if (result.rowCount > cap) {
      warnings.push(
        `${count(result.rowCount)} rows; the chart shows the first ${count(cap)}. Aggregate in the encoding (e.g. "aggregate": "mean") or in the SQL to chart them all.`,
      );
    }
  }
  return {
    type: "chart",
    spec: {
      $schema: VEGA_LITE_SCHEMA,
      ...withTooltips(drawn),
      data: { values: result.rows.slice(0, cap) },
    } as ChartOutput["spec"],
    sourceRows,
    sentRows: Math.min(result.rowCount, cap),
    pushedDown: decision.pushdown,
    sql,
    warnings,
  };
}

async function localRows(
  engine: Engine,
  sql: string,
  pageSize: number,
  signal: AbortSignal | undefined,
): Promise<ChartRows> {
  const result = await engine.query(sql, { pageSize, ...(signal ? { signal } : {}) });
  await engine.release(result.resultId);
  return result;
}

/** Every field the encodings read must be a column of the source (or made by a transform). */
function checkFields(cellId: string, spec: Spec, sourceName: string, columns: { name: string }[]): void {
  const names = new Set(columns.map((c) => c.name));
  const derived = derivedFields(spec);
  for (const use of fieldUses(spec)) {
    if (names.has(use.field) || derived.has(use.field)) continue;
    const near = columns.find((c) => c.name.toLowerCase() === use.field.toLowerCase());
    throw new LakebookError(
      "CHART_FIELD_UNKNOWN",
      `Chart ${cellId}: ${use.path} reads "${use.field}", which is not a column of ${sourceName}.${near ? ` Did you mean "${near.name}"?` : ""}`,
      {
        hint: `Columns of ${sourceName}: ${columns.map((c) => c.name).join(", ")}.`,
        params: { cell: cellId, field: use.field, source: sourceName },
      },
    );
  }
}

/** Only the columns the encodings read travel, unless a transform may read others. */
function selectedColumns(spec: Spec): string {
  const transforms = unitSpecs(spec).some(
    (unit) => Array.isArray(unit.spec.transform) && unit.spec.transform.length,
  );
  const fields = [...new Set(fieldUses(spec).map((use) => use.field))];
  return transforms || fields.length === 0 ? "*" : fields.map(quoteIdentifier).join(", ");
}

/** Tooltips on by default: every mark of every unit spec, unless the cell says otherwise. */
function withTooltips(spec: Spec): Spec {
  const mark = spec.mark;
  let next: Spec = spec;
  if (typeof mark === "string" && !COMPOSITE.has(mark))
    next = { ...spec, mark: { type: mark, tooltip: true } };
  else if (isObject(mark) && !COMPOSITE.has(String(mark.type)) && !("tooltip" in mark)) {
    next = { ...spec, mark: { ...mark, tooltip: true } };
  }
  for (const key of ["layer", "concat", "hconcat", "vconcat"]) {
    const list = next[key];
    if (Array.isArray(list)) next = { ...next, [key]: list.map((s) => (isObject(s) ? withTooltips(s) : s)) };
  }
  if (isObject(next.spec)) next = { ...next, spec: withTooltips(next.spec) };
  return next;
}

const COMPOSITE = new Set(["boxplot", "errorbar", "errorband"]);

function count(n: number): string {
  return n.toLocaleString("en-US");
}
