import type { CatalogTable } from "../contract/catalog";

/** The lake folder holding the local catalog; reserved, and hidden from lake listings. */
export const CATALOG_FOLDER = "_catalog";

/** Something the catalog could not use, reported instead of failing the whole listing or attach. */
export interface CatalogProblem {
  code: string;
  message: string;
  hint?: string;
  /** The definition file, for a local catalog. */
  file?: string;
  /** `database.table`, when known. */
  table?: string;
}

/**
 * The Glue Data Catalog's shape, kept to what Lakebook needs: the local catalog and the Glue
 * adapter both implement it, so stages never know which one they write to.
 */
export interface Catalog {
  /** Sorted by database, then name. Unreadable definitions are left out (see listWithProblems). */
  list(): Promise<CatalogTable[]>;
  /** The tables that could be read, and one problem per definition that could not. */
  listWithProblems(): Promise<{ tables: CatalogTable[]; problems: CatalogProblem[] }>;
  get(database: string, name: string): Promise<CatalogTable | undefined>;
  /** Create or replace; the table is validated against CatalogTableSchema first. */
  put(table: CatalogTable): Promise<void>;
  /** Removing a table that does not exist is not an error. */
  remove(database: string, name: string): Promise<void>;
}

export function qualifiedName(table: Pick<CatalogTable, "database" | "name">): string {
  return `${table.database}.${table.name}`;
}

export function byDatabaseThenName(a: CatalogTable, b: CatalogTable): number {
  return a.database === b.database ? compare(a.name, b.name) : compare(a.database, b.database);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
