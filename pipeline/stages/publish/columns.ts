import type { InputColumn, InputColumnDataType } from "../../aws/quicksight/definition-types";
import type { Catalog } from "../../catalog";
import type { Engine } from "../../engine";
import type { PublishChart } from "./charts";
import type { FieldDef } from "./translate";

/**
 * A dataset's columns as QuickSight declares them. A RelationalTable needs them and a CustomSql
 * dataset is only usable with them, and they let the translation check each chart field before
 * anything is sent. Found, in order: the catalog's definition of the table, the SQL run with
 * LIMIT 0 on the local engine, and last the chart's own encoding types.
 */
export interface DeclaredColumns {
  columns: InputColumn[];
  /** Where they were read from, said in the plan. */
  from: string;
}

/** SQL types of DuckDB, Hive (Glue) and Trino (Athena) → QuickSight's input column types. */
export function quicksightType(sqlType: string): InputColumnDataType {
  const type = sqlType.trim().toUpperCase();
  if (
    /^(TINYINT|SMALLINT|INT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|LONG|SHORT|BYTE)\b/.test(
      type,
    )
  )
    return "INTEGER";
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC)\b/.test(type)) return "DECIMAL";
  if (/^(BOOLEAN|BOOL)\b/.test(type)) return "BOOLEAN";
  if (/^(DATE|TIMESTAMP|DATETIME)/.test(type)) return "DATETIME";
  return "STRING";
}

export async function declaredColumns(
  chart: PublishChart,
  catalog: Catalog,
  engine: Engine,
  signal?: AbortSignal,
): Promise<DeclaredColumns> {
  const { source } = chart;
  if (source.kind === "table") {
    const table = await catalog.get(source.database, source.table).catch(() => undefined);
    if (table) {
      const all = [...table.columns, ...(table.partitionKeys ?? [])];
      return {
        columns: all.map((c) => ({ Name: c.name, Type: quicksightType(c.type) })),
        from: `the catalog's refined.${source.table}`,
      };
    }
  } else {
    try {
      const result = await engine.query(`SELECT * FROM (\n${source.sql}\n) AS lakebook_columns LIMIT 0`, {
        pageSize: 1,
        signal,
      });
      await engine.release(result.resultId).catch(() => undefined);
      return {
        columns: result.columns.map((c) => ({ Name: c.name, Type: quicksightType(c.type) })),
        from: `the SQL cell ${source.cellId} (run with LIMIT 0 on the local lake)`,
      };
    } catch {
      // The local lake may not hold the REFINED tables (an AWS target): the chart's types still declare its fields.
    }
  }
  return {
    columns: encodingColumns(chart),
    from: "the chart's encoding types (the table was not found locally)",
  };
}

/** Each field the chart encodes, typed by its Vega-Lite type: enough for the visuals that read them. */
export function encodingColumns(chart: PublishChart): InputColumn[] {
  const seen = new Map<string, InputColumnDataType>();
  for (const value of Object.values(chart.spec.encoding ?? {})) {
    for (const def of (Array.isArray(value) ? value : [value]) as (FieldDef | undefined)[]) {
      if (!def?.field || seen.has(def.field)) continue;
      seen.set(
        def.field,
        def.type === "quantitative" ? "DECIMAL" : def.type === "temporal" ? "DATETIME" : "STRING",
      );
    }
  }
  return [...seen].map(([Name, Type]) => ({ Name, Type }));
}
