import path from "node:path";
import type { CatalogTable, Column } from "../contract/catalog";
import { LakebookError } from "../contract/errors";
import type { ServiceEvent } from "../contract/events";
import { type Engine, quoteIdentifier, quoteString } from "../engine";
import { appendIn, discard, settleSwap, stagingFolder, swapIn } from "../lake/folder-swap";
import { attachCatalogTable } from "./attach";
import type { Catalog } from "./catalog";
import { type RegistrationFollowUp, registerTable, type TableRegistration } from "./register-table";
import { readRows } from "./table-source";

/** The table a query becomes, and what the catalog records about it. */
export interface QueryTable extends Pick<CatalogTable, "role" | "primaryKey" | "foreignKeys"> {
  /** The cell that writes it: named in errors and in `producedBy`. */
  cellId: string;
  database: "trusted" | "refined";
  table: string;
  /** The table's lake folder, relative to the lake root (the lake's `writtenTablePrefix`). */
  location: string;
  partitionBy: readonly string[];
  mode: "overwrite" | "append";
  /** The tables and lake paths it is made from: `producedBy.inputs`. */
  lineage: string[];
}

/** What writing a table needs of a running stage (a `StageContext` is one). */
export interface TableWriteContext {
  engine: Engine;
  catalog: Catalog;
  lakeRoot: string;
  notebookPath: string | null;
  signal: AbortSignal;
  progress(update: Omit<Extract<ServiceEvent, { type: "run.progress" }>, "type" | "runId" | "cellId">): void;
}

/**
 * Writes a DuckDB query's rows as a lake table: bind it first (nothing is written when it does not),
 * COPY to a staging folder as Parquet, swap it in (or move the files in, to append), describe the
 * files and register the table in the catalog, then re-attach the catalog so the next cell reads it
 * as `database.table`. Transform cells and SQL cells' local CTAS both end here. The swap keeps the
 * catalog entry in its intent until the catalog has it, so a process killed in between has the
 * catalog brought in line by the next start (`registerSwappedTables`), not only by a rerun.
 */
export async function writeQueryAsTable(
  query: string,
  target: QueryTable,
  context: TableWriteContext,
): Promise<CatalogTable> {
  const columns = await describeQuery(context, query, target.cellId);
  assertPartitionColumns(target, columns);
  const existing = await context.catalog.get(target.database, target.table);
  if (target.mode === "append" && existing) assertSameColumns(existing, columns, target);

  const staged = await stagingFolder(context.lakeRoot);
  const registration = registrationOf(target, context);
  const followUp: RegistrationFollowUp = { catalogTable: registration };
  try {
    context.progress({
      done: 1,
      total: 3,
      unit: "steps",
      message: `Writing ${target.database}.${target.table}`,
    });
    await context.engine.run(copyStatement(query, staged, target.partitionBy), { signal: context.signal });
    const tableFolder = path.join(context.lakeRoot, target.location);
    if (target.mode === "append") await appendIn(staged, tableFolder, `run-${Date.now()}`, { followUp });
    else await swapIn(staged, tableFolder, { followUp });
  } catch (error) {
    await discard(staged);
    throw error;
  }
  context.progress({ done: 2, total: 3, unit: "steps", message: "Registering the table in the catalog" });
  // Only PARTITION_BY makes key=value folders (an append's run-… folders are not).
  const table = await registerTable(registration, context.engine, context.catalog, context.lakeRoot, {
    partitionFolders: target.partitionBy.length > 0,
  });
  await settleSwap(staged);
  // Only the table just written: re-attaching the whole catalog re-sniffs every RAW CSV.
  await attachWritten(context, table);
  return table;
}

function copyStatement(query: string, staged: string, partitionBy: readonly string[]): string {
  const folder = staged.split(path.sep).join("/");
  if (partitionBy.length === 0) {
    return `COPY (${query}) TO ${quoteString(`${folder}/part-00000.parquet`)} (FORMAT parquet)`;
  }
  const columns = partitionBy.map(quoteIdentifier).join(", ");
  return `COPY (${query}) TO ${quoteString(folder)} (FORMAT parquet, PARTITION_BY (${columns}), FILENAME_PATTERN 'part-{i}')`;
}

/** The query's columns without running it: binding errors surface here, before any data moves. */
async function describeQuery(context: TableWriteContext, query: string, cellId: string): Promise<Column[]> {
  try {
    const rows = await readRows(context.engine, `DESCRIBE (${query})`);
    return rows.map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
  } catch (error) {
    if (error instanceof LakebookError) {
      // No `at`: its place is in the rewritten query, not in the cell the user sees.
      throw new LakebookError(error.code, `Transform cell "${cellId}": ${error.message}`, {
        ...(error.hint ? { hint: error.hint } : {}),
        ...(error.details ? { details: error.details } : {}),
        ...(error.params ? { params: error.params } : {}),
      });
    }
    throw error;
  }
}

function assertPartitionColumns(target: QueryTable, columns: Column[]): void {
  const names = new Set(columns.map((column) => column.name));
  const missing = target.partitionBy.filter((column) => !names.has(column));
  if (missing.length > 0) {
    throw new LakebookError(
      "TRANSFORM_PARTITION_MISSING",
      `Transform cell "${target.cellId}": the query has no column ${missing.join(", ")} to partition by.`,
      {
        hint: `Select it, e.g. "… AS ${missing[0]}", or change partitionBy. The query's columns: ${[...names].join(", ")}.`,
        params: { cell: target.cellId, columns: missing.join(", ") },
      },
    );
  }
}

function assertSameColumns(existing: CatalogTable, columns: Column[], target: QueryTable): void {
  const had = [...existing.columns, ...(existing.partitionKeys ?? [])].map((column) => column.name).sort();
  const now = columns.map((column) => column.name).sort();
  if (had.join(",") !== now.join(",")) {
    throw new LakebookError(
      "TRANSFORM_APPEND_SCHEMA",
      `Transform cell "${target.cellId}": appending to ${target.database}.${target.table} needs the same columns it has.`,
      {
        hint: `The table has ${had.join(", ")}; the query gives ${now.join(", ")}. Use mode: overwrite to replace the table.`,
        params: { cell: target.cellId, table: `${target.database}.${target.table}` },
      },
    );
  }
}

function registrationOf(target: QueryTable, context: TableWriteContext): TableRegistration {
  const notebook = context.notebookPath ? path.basename(context.notebookPath) : undefined;
  return {
    database: target.database,
    name: target.table,
    zone: target.database,
    location: target.location,
    format: "parquet",
    ...(target.role ? { role: target.role } : {}),
    ...(target.primaryKey ? { primaryKey: target.primaryKey } : {}),
    ...(target.foreignKeys ? { foreignKeys: target.foreignKeys } : {}),
    producedBy: { ...(notebook ? { notebook } : {}), cell: target.cellId, inputs: target.lineage },
  };
}

/**
 * Makes the written table addressable. Cells writing at the same time can meet in DuckDB's catalog
 * (a write-write conflict on the shared schema): the attach is tried again; a table that still
 * cannot be attached fails the cell, rather than answering "ok" for a table no SQL can read.
 */
async function attachWritten(context: TableWriteContext, table: CatalogTable): Promise<void> {
  let problem = await attachCatalogTable(context.engine, table, context.lakeRoot);
  for (let attempt = 1; problem && attempt < 5; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    problem = await attachCatalogTable(context.engine, table, context.lakeRoot);
  }
  if (problem) throw new LakebookError(problem.code, problem.message, { hint: problem.hint });
}
