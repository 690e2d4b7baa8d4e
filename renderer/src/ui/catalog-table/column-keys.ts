import type { CatalogTable } from "../../../../pipeline/contract";

/** What one column is in the dimensional model: part of the primary key, a partition, a reference. */
export interface ColumnKeys {
  primary: boolean;
  partition: boolean;
  /** `title_key → refined.dim_title.title_key`; composite keys pair their columns by position. */
  references: { table: string; column: string }[];
}

/** Every column of a catalog table (partition keys last, as Hive lists them) with its keys. Pure. */
export function columnsWithKeys(
  table: Pick<CatalogTable, "columns" | "partitionKeys" | "primaryKey" | "foreignKeys">,
): { name: string; type: string; keys: ColumnKeys }[] {
  const partitions = new Set((table.partitionKeys ?? []).map((column) => column.name));
  const primary = new Set(table.primaryKey ?? []);
  return [...table.columns, ...(table.partitionKeys ?? [])].map((column) => ({
    ...column,
    keys: {
      primary: primary.has(column.name),
      partition: partitions.has(column.name),
      references: (table.foreignKeys ?? []).flatMap((key) => {
        const at = key.columns.indexOf(column.name);
        const referenced = key.references.columns[at];
        return at < 0 || referenced === undefined
          ? []
          : [{ table: key.references.table, column: referenced }];
      }),
    },
  }));
}
