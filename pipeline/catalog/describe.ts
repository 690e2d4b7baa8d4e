import type { CatalogTable, Column } from "../contract/catalog";
import type { Engine } from "../engine";
import { readRows, tableSource } from "./table-source";

export interface TableDescription {
  /** Data columns, as Glue lists them: partition columns are not repeated here. */
  columns: Column[];
  /** Columns that come from `key=value` folders (e.g. `dt`), typed as DuckDB infers them. */
  partitionKeys: Column[];
  rows: number;
}

/**
 * Schema and row count of the files at a location, read by DuckDB (the count comes from Parquet
 * footers, not a scan). Stages call it when they register a table they just wrote. A CSV's count
 * is a full scan: `knownRows`, when the caller has already counted the rows as DuckDB does (the
 * ingest validator, on a file without warnings), saves it. `partitionFolders: false`, when the
 * caller knows the location has no `key=value` folders, saves the second reading that looks for
 * them (for a CSV, a second run of DuckDB's sniffer: 40–140 ms on the full-size movies.csv).
 */
export async function describeTableFiles(
  engine: Engine,
  lakeRoot: string,
  table: Pick<CatalogTable, "format" | "location">,
  knownRows?: number,
  { partitionFolders = true }: { partitionFolders?: boolean } = {},
): Promise<TableDescription> {
  const columns = await describe(engine, tableSource(table, lakeRoot, { hivePartitioning: false }));
  const dataNames = new Set(columns.map((column) => column.name));
  const withPartitions = partitionFolders
    ? await describe(engine, tableSource(table, lakeRoot, { hivePartitioning: true }))
    : columns;
  const partitionKeys = withPartitions.filter((column) => !dataNames.has(column.name));
  if (knownRows !== undefined) return { columns, partitionKeys, rows: knownRows };
  const [count] = await readRows(
    engine,
    `SELECT count(*) AS n FROM ${tableSource(table, lakeRoot, { hivePartitioning: false })}`,
  );
  return { columns, partitionKeys, rows: Number(count?.n ?? 0) };
}

export function describeParquetTable(
  engine: Engine,
  lakeRoot: string,
  location: string,
): Promise<TableDescription> {
  return describeTableFiles(engine, lakeRoot, { format: "parquet", location });
}

async function describe(engine: Engine, source: string): Promise<Column[]> {
  const rows = await readRows(engine, `DESCRIBE SELECT * FROM ${source}`);
  return rows.map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
}
