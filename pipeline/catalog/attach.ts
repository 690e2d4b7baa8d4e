import type { CatalogTable } from "../contract/catalog";
import type { Engine } from "../engine";
import { quoteIdentifier, quoteString } from "../engine";
import { type Catalog, type CatalogProblem, qualifiedName } from "./catalog";
import { readRows, tableSource } from "./table-source";

/** Marks the views attach owns, so a re-attach drops exactly those and never a user's own view. */
const VIEW_MARK = "lakebook:catalog";

export interface AttachReport {
  /** `database.table` now addressable in SQL. */
  attached: string[];
  /** Views of tables that left the catalog (or became unreadable), dropped. */
  dropped: string[];
  /** Definitions that could not be read, and tables whose files could not be. */
  problems: CatalogProblem[];
}

/**
 * Makes every catalog table addressable in SQL as `database.table`: a schema per database and
 * a view over the table's files. Idempotent; one unreadable table is reported, not fatal.
 */
export async function attachCatalog(
  engine: Engine,
  catalog: Catalog,
  lakeRoot: string,
): Promise<AttachReport> {
  const { tables, problems } = await catalog.listWithProblems();
  const before = await attachedViews(engine);
  const attached: string[] = [];
  for (const table of tables) {
    const problem = await attachTable(engine, table, lakeRoot);
    if (problem) problems.push(problem);
    else attached.push(qualifiedName(table));
  }
  const keep = new Set(attached);
  const dropped = before.filter((name) => !keep.has(name));
  for (const name of dropped) {
    const [database = "", view = ""] = name.split(".");
    await engine.run(`DROP VIEW IF EXISTS ${quoteIdentifier(database)}.${quoteIdentifier(view)}`);
  }
  return { attached, dropped, problems };
}

/**
 * One table just written or re-registered, made addressable alone: a transform cell changes one
 * table, and re-attaching the whole catalog after each cell re-binds every view (a CSV's view
 * sniffs its file again). Returns the problem instead of throwing, as `attachCatalog` reports it.
 */
export function attachCatalogTable(
  engine: Engine,
  table: CatalogTable,
  lakeRoot: string,
): Promise<CatalogProblem | undefined> {
  return attachTable(engine, table, lakeRoot);
}

async function attachTable(
  engine: Engine,
  table: CatalogTable,
  lakeRoot: string,
): Promise<CatalogProblem | undefined> {
  const view = `${quoteIdentifier(table.database)}.${quoteIdentifier(table.name)}`;
  try {
    // CREATE VIEW binds the query, so a location without files fails here, not at first use.
    await engine.run(
      [
        `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(table.database)}`,
        `CREATE OR REPLACE VIEW ${view} AS SELECT * FROM ${tableSource(table, lakeRoot)}`,
        `COMMENT ON VIEW ${view} IS ${quoteString(VIEW_MARK)}`,
      ].join(";\n"),
    );
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      code: "CATALOG_TABLE_UNREADABLE",
      message: `${qualifiedName(table)} was not attached: ${reason}`,
      hint: `Run the cell that writes ${table.location}, or remove ${qualifiedName(table)} from the catalog.`,
      table: qualifiedName(table),
    };
  }
}

async function attachedViews(engine: Engine): Promise<string[]> {
  const rows = await readRows(
    engine,
    `SELECT schema_name, view_name FROM duckdb_views() WHERE comment = ${quoteString(VIEW_MARK)}`,
  );
  return rows.map((row) => `${String(row.schema_name)}.${String(row.view_name)}`);
}
