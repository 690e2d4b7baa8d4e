import path from "node:path";
import { attachCatalog, describeTableFiles, readRows } from "../../catalog";
import type { CatalogTable, Column } from "../../contract";
import { LakebookError } from "../../contract";
import { quoteIdentifier, quoteString, translateSparkSql } from "../../engine";
import { tableReferences } from "../sql/table-references";
import type { StageContext } from "../stage";
import { inputCte, type ResolvedInput, resolveInputs } from "./inputs";
import type { TransformSettings } from "./settings";
import { appendIn, discard, stagingFolder, swapIn } from "./swap";
import { outputLocation } from "./table-location";
import { withInputs } from "./with-inputs";

export interface LocalTransformResult {
  table: CatalogTable;
  inputs: ResolvedInput[];
  /** The DuckDB SQL that ran, for the curious and for bug reports. */
  duckdbSql: string;
  notes: string[];
}

/**
 * Runs a transform cell on the embedded engine: translate the Spark SQL (refusing what is outside
 * the subset before any data moves), read the inputs as Spark would, write Parquet to a staging
 * folder, swap it in, then register the table with its lineage.
 */
export async function runTransformLocally(
  cellId: string,
  settings: TransformSettings,
  context: StageContext,
): Promise<LocalTransformResult> {
  // Leading newlines keep the translator's line numbers equal to the cell's.
  const translated = translateSparkSql(`${"\n".repeat(settings.sqlLine - 1)}${settings.sql}`);
  const inputs = await resolveInputs(settings.inputs, context.catalog, cellId);
  const query = withInputs(
    inputs.map((input) => inputCte(input, context.lakeRoot)),
    translated.sql,
  );
  const table = await writeQueryAsTable(cellId, settings, query, inputs, context);
  return { table, inputs, duckdbSql: query, notes: translated.notes };
}

/**
 * Writes a DuckDB query's rows as a lake table: bind it first (nothing is written when it does not),
 * COPY to a staging folder, swap it in (or move the files in, to append), then register it.
 * Transform cells and local CTAS statements both end here.
 */
export async function writeQueryAsTable(
  cellId: string,
  settings: TransformSettings,
  query: string,
  inputs: ResolvedInput[],
  context: StageContext,
): Promise<CatalogTable> {
  const columns = await describeQuery(context, query, cellId);
  assertPartitionColumns(settings, columns, cellId);
  const location = outputLocation(settings, inputs);
  const existing = await context.catalog.get(settings.output.database, settings.output.table);
  if (settings.mode === "append" && existing) assertSameColumns(existing, columns, settings, cellId);

  const staged = await stagingFolder(context.lakeRoot);
  try {
    context.progress({
      done: 1,
      total: 3,
      unit: "steps",
      message: `Writing ${settings.output.database}.${settings.output.table}`,
    });
    await context.engine.run(copyStatement(query, staged, settings.partitionBy), { signal: context.signal });
    const tableFolder = path.join(context.lakeRoot, location);
    if (settings.mode === "append") await appendIn(staged, tableFolder, `run-${Date.now()}`);
    else await swapIn(staged, tableFolder);
  } catch (error) {
    await discard(staged);
    throw error;
  }
  context.progress({ done: 2, total: 3, unit: "steps", message: "Registering the table in the catalog" });
  return register(settings, location, inputs, cellId, context);
}

function copyStatement(query: string, staged: string, partitionBy: string[]): string {
  const folder = staged.split(path.sep).join("/");
  if (partitionBy.length === 0) {
    return `COPY (${query}) TO ${quoteString(`${folder}/part-00000.parquet`)} (FORMAT parquet)`;
  }
  const columns = partitionBy.map(quoteIdentifier).join(", ");
  return `COPY (${query}) TO ${quoteString(folder)} (FORMAT parquet, PARTITION_BY (${columns}), FILENAME_PATTERN 'part-{i}')`;
}

/** The query's columns without running it: binding errors surface here, before any data moves. */
async function describeQuery(context: StageContext, query: string, cellId: string): Promise<Column[]> {
  try {
    const rows = await readRows(context.engine, `DESCRIBE (${query})`);
    return rows.map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
  } catch (error) {
    if (error instanceof LakebookError) {
      throw new LakebookError(error.code, `Transform cell "${cellId}": ${error.message}`, {
        ...(error.hint ? { hint: error.hint } : {}),
      });
    }
    throw error;
  }
}

function assertPartitionColumns(settings: TransformSettings, columns: Column[], cellId: string): void {
  const names = new Set(columns.map((column) => column.name));
  const missing = settings.partitionBy.filter((column) => !names.has(column));
  if (missing.length > 0) {
    throw new LakebookError(
      "TRANSFORM_PARTITION_MISSING",
      `Transform cell "${cellId}": the query has no column ${missing.join(", ")} to partition by.`,
      {
        hint: `Select it, e.g. "… AS ${missing[0]}", or change partitionBy. The query's columns: ${[...names].join(", ")}.`,
      },
    );
  }
}

function assertSameColumns(
  existing: CatalogTable,
  columns: Column[],
  settings: TransformSettings,
  cellId: string,
): void {
  const had = [...existing.columns, ...(existing.partitionKeys ?? [])].map((column) => column.name).sort();
  const now = columns.map((column) => column.name).sort();
  if (had.join(",") !== now.join(",")) {
    throw new LakebookError(
      "TRANSFORM_APPEND_SCHEMA",
      `Transform cell "${cellId}": appending to ${settings.output.database}.${settings.output.table} needs the same columns it has.`,
      {
        hint: `The table has ${had.join(", ")}; the query gives ${now.join(", ")}. Use mode: overwrite to replace the table.`,
      },
    );
  }
}

async function register(
  settings: TransformSettings,
  location: string,
  inputs: ResolvedInput[],
  cellId: string,
  context: StageContext,
): Promise<CatalogTable> {
  const described = await describeTableFiles(context.engine, context.lakeRoot, {
    format: "parquet",
    location,
  });
  const notebook = context.notebookPath ? path.basename(context.notebookPath) : undefined;
  const table: CatalogTable = {
    database: settings.output.database,
    name: settings.output.table,
    zone: settings.output.database,
    location,
    format: "parquet",
    columns: described.columns,
    ...(described.partitionKeys.length > 0 ? { partitionKeys: described.partitionKeys } : {}),
    rows: described.rows,
    ...(settings.role ? { role: settings.role } : {}),
    ...(settings.primaryKey ? { primaryKey: settings.primaryKey } : {}),
    ...(settings.foreignKeys ? { foreignKeys: settings.foreignKeys } : {}),
    producedBy: { ...(notebook ? { notebook } : {}), cell: cellId, inputs: lineageOf(inputs, settings) },
    updatedAt: new Date().toISOString(),
  };
  await context.catalog.put(table);
  await attachCatalog(context.engine, context.catalog, context.lakeRoot);
  return table;
}

/** Catalog tables by name, files by path; tables the SQL names directly count too. */
function lineageOf(inputs: ResolvedInput[], settings: TransformSettings): string[] {
  const named = inputs.map((input) => input.table ?? input.path);
  const inSql = tableReferences(settings.sql).reads.filter((name) => name.includes("."));
  return [...new Set([...named, ...inSql])];
}
