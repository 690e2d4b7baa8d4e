import { type AthenaSend, runAthenaQuery } from "../../aws/athena";
import type { InputColumn, InputColumnDataType } from "../../aws/quicksight/definition-types";
import type { Sleep } from "../../aws/sleep";
import type { Catalog } from "../../catalog";
import { LakebookError } from "../../contract";
import type { Engine } from "../../engine";
import type { PublishChart } from "./charts";
import type { FieldDef } from "./translate";

/**
 * A dataset's columns as QuickSight declares them. A RelationalTable needs them and a CustomSql
 * dataset is only usable with them, and they let the translation check each chart field before
 * anything is sent. Found, in order: the catalog's definition of the table, the SQL run with
 * LIMIT 0 on the local engine, and last the chart's own encoding types. On the aws target the
 * published datasets take them from where QuickSight will read: the Glue catalog's table, or the
 * SQL's result columns on Athena (`columnsOnAws`), never from the chart's encoding.
 */
export interface DeclaredColumns {
  columns: InputColumn[];
  /** Where they were read from, said in the plan. */
  from: string;
}

/**
 * SQL types of DuckDB, Hive (Glue) and Trino (Athena) → QuickSight's InputColumn types (STRING,
 * INTEGER, DECIMAL, DATETIME, BIT, BOOLEAN, JSON:
 * https://docs.aws.amazon.com/quicksight/latest/APIReference/API_InputColumn.html). Integers of
 * any width are INTEGER (QuickSight has one integer type); booleans are BIT, as QuickSight reads a
 * boolean as a 0/1 integer (https://docs.aws.amazon.com/quicksight/latest/user/supported-data-types.html);
 * Athena's json is JSON; TIME, arrays, maps and structs, which QuickSight has no type for, are text.
 */
export function quicksightType(sqlType: string): InputColumnDataType {
  const type = sqlType.trim().toUpperCase();
  if (
    /^(TINYINT|SMALLINT|INT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|LONG|SHORT|BYTE)\b/.test(
      type,
    )
  )
    return "INTEGER";
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC)\b/.test(type)) return "DECIMAL";
  if (/^(BOOLEAN|BOOL)\b/.test(type)) return "BIT";
  if (/^(DATE|TIMESTAMP|DATETIME)\b/.test(type)) return "DATETIME";
  if (/^JSON\b/.test(type)) return "JSON";
  return "STRING";
}

/** Where the aws target's SQL sources are described: Athena, as QuickSight will run them. */
export interface AthenaColumnSource {
  client: AthenaSend;
  workgroup: string;
  outputLocation?: string;
  sleep?: Sleep;
}

/**
 * The columns QuickSight will see on the aws target: a REFINED table's from the Glue catalog (the
 * workspace's catalog on that target), a SQL source's from Athena's result metadata (the SQL run
 * with LIMIT 0: it reads no rows, and Athena bills its 10 MB minimum). A bigint stays INTEGER and
 * an integer year stays a number, whatever the chart's encoding says.
 */
export async function columnsOnAws(
  chart: PublishChart,
  catalog: Catalog,
  athena: AthenaColumnSource,
  signal?: AbortSignal,
): Promise<DeclaredColumns> {
  const { source } = chart;
  if (source.kind === "table") {
    const table = await catalog.get(source.database, source.table);
    if (!table) {
      throw new LakebookError(
        "PUBLISH_TABLE_MISSING",
        `The chart ${chart.chartId} reads ${source.database}.${source.table}, which is not in the Glue Data Catalog.`,
        { hint: "Run the transform that writes it on the aws target, then publish again." },
      );
    }
    const all = [...table.columns, ...(table.partitionKeys ?? [])];
    return {
      columns: all.map((c) => ({ Name: c.name, Type: quicksightType(c.type) })),
      from: `the Glue catalog's ${source.database}.${source.table}`,
    };
  }
  const result = await runAthenaQuery({
    client: athena.client,
    sql: `SELECT * FROM (\n${source.sql}\n) AS lakebook_columns LIMIT 0`,
    workgroup: athena.workgroup,
    ...(athena.outputLocation ? { outputLocation: athena.outputLocation } : {}),
    database: "refined",
    ...(signal ? { signal } : {}),
    ...(athena.sleep ? { sleep: athena.sleep } : {}),
  });
  return {
    columns: result.columns.map((c) => ({ Name: c.name, Type: quicksightType(c.type) })),
    from: `Athena's result columns of the SQL cell ${source.cellId} (run with LIMIT 0)`,
  };
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
