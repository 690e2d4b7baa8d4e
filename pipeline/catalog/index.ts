export { type AttachReport, attachCatalog } from "./attach";
export { CATALOG_FOLDER, type Catalog, type CatalogProblem, qualifiedName } from "./catalog";
export { describeParquetTable, describeTableFiles, type TableDescription } from "./describe";
export { GlueCatalog, type GlueCatalogOptions } from "./glue-catalog";
export type { GlueListedTable, GlueTablesPort } from "./glue-tables-port";
export { LocalCatalog } from "./local-catalog";
export { assertCatalogNames, tableFolder } from "./names";
export { stableJson, writeFileAtomic } from "./stable-json";
export { readRows, tableSource } from "./table-source";
