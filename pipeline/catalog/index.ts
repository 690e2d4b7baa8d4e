export { type AttachReport, attachCatalog, attachCatalogTable } from "./attach";
export { CATALOG_FOLDER, type Catalog, type CatalogProblem, qualifiedName } from "./catalog";
export { describeParquetTable, describeTableFiles, type TableDescription } from "./describe";
export { GlueCatalog, type GlueCatalogOptions } from "./glue-catalog";
export type { GlueListedTable, GlueTablesPort } from "./glue-tables-port";
export { LocalCatalog } from "./local-catalog";
export { assertCatalogNames, tableFolder } from "./names";
export {
  type RegistrationFollowUp,
  registerSwappedTables,
  registerTable,
  type TableRegistration,
} from "./register-table";
export { stableJson } from "./stable-json";
export { readRows, tableSource } from "./table-source";
export { type QueryTable, type TableWriteContext, writeQueryAsTable } from "./write-query-table";
