import { writeQueryAsTable } from "../../catalog";
import { type CatalogTable, LakebookError, type MalformedRows, placedAt } from "../../contract";
import { tableReferences, translateSparkSql } from "../../engine";
import type { StageContext } from "../stage";
import { type CsvInputLayout, csvInputLayout } from "./csv-input";
import { inputCte, inputGlob, type ResolvedInput, resolveInputs } from "./inputs";
import type { TransformSettings } from "./settings";
import { outputLocation } from "./table-location";
import { withInputs } from "./with-inputs";

export interface LocalTransformResult {
  table: CatalogTable;
  inputs: ResolvedInput[];
  /** The DuckDB SQL that ran, for the curious and for bug reports. */
  duckdbSql: string;
  notes: string[];
  /** CSV inputs with rows that did not fit their header, and what their mode did with them. */
  malformed: MalformedRows[];
}

/**
 * Runs a transform cell on the embedded engine: translate the Spark SQL (refusing what is outside
 * the subset before any data moves), read the inputs as Spark would, then write the query as a
 * table with its lineage (catalog/write-query-table.ts: Parquet staged, swapped in, registered).
 */
export async function runTransformLocally(
  cellId: string,
  settings: TransformSettings,
  context: StageContext,
): Promise<LocalTransformResult> {
  // Leading newlines keep the translator's line numbers equal to the cell's.
  const translated = translateSparkSql(`${"\n".repeat(settings.sqlLine - 1)}${settings.sql}`);
  const inputs = await resolveInputs(settings.inputs, context.catalog, cellId);
  const layouts = new Map<string, CsvInputLayout>();
  for (const input of inputs) {
    if (input.format !== "csv") continue;
    const source = {
      name: input.name,
      glob: inputGlob(input, context.lakeRoot),
      options: input.options,
      lakeRoot: context.lakeRoot,
    };
    layouts.set(input.name, await csvInputLayout(source, context.engine, context.signal));
  }
  const query = withInputs(
    inputs.map((input) => inputCte(input, context.lakeRoot, layouts.get(input.name))),
    translated.sql,
  );
  const table = await writeQueryAsTable(
    query,
    {
      cellId,
      database: settings.output.database,
      table: settings.output.table,
      location: outputLocation(settings, inputs),
      partitionBy: settings.partitionBy,
      mode: settings.mode,
      ...(settings.role ? { role: settings.role } : {}),
      ...(settings.primaryKey ? { primaryKey: settings.primaryKey } : {}),
      ...(settings.foreignKeys ? { foreignKeys: settings.foreignKeys } : {}),
      lineage: lineageOf(inputs, settings),
    },
    context,
  ).catch((error: unknown) => {
    // DuckDB's place is in the query with the inputs in front, not in the cell: no editor marker.
    throw error instanceof LakebookError ? placedAt(error, undefined) : error;
  });
  const malformed = [...layouts.values()].flatMap((layout) => (layout.malformed ? [layout.malformed] : []));
  return { table, inputs, duckdbSql: query, notes: translated.notes, malformed };
}

/** Catalog tables by name, files by path; tables the SQL names directly count too. */
function lineageOf(inputs: ResolvedInput[], settings: TransformSettings): string[] {
  const named = inputs.map((input) => input.table ?? input.path);
  const inSql = tableReferences(settings.sql).reads.filter((name) => name.includes("."));
  return [...new Set([...named, ...inSql])];
}
