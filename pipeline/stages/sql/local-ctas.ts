import { writeQueryAsTable } from "../../catalog";
import type { CatalogTable } from "../../contract";
import { blankCommentsAndStrings, tableReferences } from "../../engine";
import { writtenTablePrefix } from "../../lake";
import type { StageContext } from "../stage";

/**
 * `CREATE [OR REPLACE] TABLE trusted.x AS SELECT …` in a SQL cell on the local lake: written as a
 * Parquet table of the lake and registered in the catalog, as Athena's CTAS registers it in Glue —
 * not a DuckDB table that would vanish with the engine. Only one statement, into trusted or refined.
 */
const CTAS =
  /^\s*create\s+(or\s+replace\s+)?table\s+(?:"?)(trusted|refined)(?:"?)\s*\.\s*(?:"?)([a-z][a-z0-9_]*)(?:"?)\s+as\s+/i;

export function localCtas(
  sql: string,
): { database: "trusted" | "refined"; table: string; select: string } | undefined {
  const blank = blankCommentsAndStrings(sql);
  const match = CTAS.exec(blank);
  if (!match) return undefined;
  // One statement only: a `;` followed by more than whitespace means a script, run as written.
  const end = blank.indexOf(";");
  if (end !== -1 && blank.slice(end + 1).trim() !== "") return undefined;
  const select = sql.slice(match[0].length, end === -1 ? undefined : end).trim();
  return {
    database: match[2]?.toLowerCase() as "trusted" | "refined",
    table: (match[3] ?? "").toLowerCase(),
    select,
  };
}

export async function runLocalCtas(
  cellId: string,
  ctas: NonNullable<ReturnType<typeof localCtas>>,
  context: StageContext,
): Promise<CatalogTable> {
  // Lineage: the catalog tables the SELECT reads (a CTAS has no inputs section).
  const reads = tableReferences(ctas.select).reads.filter((name) => name.includes("."));
  return writeQueryAsTable(
    ctas.select,
    {
      cellId,
      database: ctas.database,
      table: ctas.table,
      location: writtenTablePrefix(ctas.database, ctas.table, reads),
      partitionBy: [],
      mode: "overwrite",
      lineage: reads,
    },
    context,
  );
}
