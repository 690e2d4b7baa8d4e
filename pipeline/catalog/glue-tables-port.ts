import type { CatalogTable } from "../contract/catalog";

/**
 * What `GlueCatalog` needs of the Glue Data Catalog, in the catalog's own terms (plain types, no
 * SDK): the adapter over the AWS SDK is `aws/glue/glue-tables.ts`, handed in by the service, so
 * catalog/ never imports aws/. Tests can hand in a fake.
 */
export interface GlueTablesPort {
  /** Every table of `database`, each read as a CatalogTable or with the error saying why not; a missing database has none. */
  list(database: string): Promise<GlueListedTable[]>;
  /** Undefined when Glue has no such table. */
  get(database: string, name: string): Promise<CatalogTable | undefined>;
  /** Updates the table, or creates it (and its database when that is missing). */
  put(table: CatalogTable): Promise<void>;
  /** A table already gone is not an error. */
  remove(database: string, name: string): Promise<void>;
  /** Registers partitions (`[["2026-01-05"]]` for `dt=2026-01-05/`); ones Glue already has stay. */
  addPartitions(database: string, name: string, values: string[][]): Promise<void>;
}

export type GlueListedTable = { name: string; table: CatalogTable } | { name: string; error: unknown };
