import type { CatalogTable, Column } from "../contract";
import { quoteIdentifier } from "../engine";

/** `"refined"."fact_title_rating"`: reads the same in DuckDB (the attached catalog) and in Athena. */
export function tableRef(table: Pick<CatalogTable, "database" | "name">): string {
  return `${quoteIdentifier(table.database)}.${quoteIdentifier(table.name)}`;
}

export function qualified(table: Pick<CatalogTable, "database" | "name">): string {
  return `${table.database}.${table.name}`;
}

export const col = quoteIdentifier;

/** DuckDB's names and Glue's (`string`, `int`, `decimal(10,2)`), lower-cased. */
const NUMERIC =
  /^(tinyint|smallint|int|integer|bigint|hugeint|utinyint|usmallint|uinteger|ubigint|double|float|real|decimal|numeric)\b/i;
const TEXT = /^(varchar|string|text|char)(\(\d+\))?$/i;

export function isNumeric(column: Column): boolean {
  return NUMERIC.test(column.type);
}

export function isText(column: Column): boolean {
  return TEXT.test(column.type);
}

/** Every column the catalog knows, partition columns included. */
export function allColumns(table: CatalogTable): Column[] {
  return [...table.columns, ...(table.partitionKeys ?? [])];
}

/** Where a TRUSTED table's data came from, by its recorded lineage (`producedBy.inputs`). */
export function sourcesOf(table: CatalogTable): { csv: boolean; tmdb: boolean } {
  const inputs = table.producedBy?.inputs ?? [];
  const tmdb = inputs.some((i) => /^Raw\/TMDB\//i.test(i) || /tmdb/i.test(i));
  const csv = inputs.some((i) => /^raw\.(movies|series)$/.test(i) || /^Raw\/Local\//i.test(i));
  return { csv, tmdb };
}
