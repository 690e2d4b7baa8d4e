import path from "node:path";
import type { CatalogTable } from "../contract/catalog";
import type { Row } from "../contract/results";
import type { Engine } from "../engine";
import { quoteString } from "../engine";
import { tableFolder } from "./names";

const EXTENSION = { parquet: "parquet", csv: "csv", json: "json" } as const;

/**
 * The DuckDB table function that reads a table's files. The glob takes every file below the
 * location, at any depth, so hive partitions (`dt=2026-01-05/`) and the RAW date folders
 * (`2026/01/05/`) are both included. CSVs are the challenge's: `|`-separated, header, `\N` = NULL,
 * `"` quotes with `""` inside them (stated, not sniffed: the ingest validator checks exactly this rule).
 */
export function tableSource(
  table: Pick<CatalogTable, "format" | "location">,
  lakeRoot: string,
  options: { hivePartitioning?: boolean } = {},
): string {
  const root = path.resolve(lakeRoot).split(path.sep).join("/");
  const glob = quoteString(`${root}/${tableFolder(table.location)}**/*.${EXTENSION[table.format]}`);
  const hive = `hive_partitioning = ${options.hivePartitioning ?? true}`;
  switch (table.format) {
    case "parquet":
      return `read_parquet(${glob}, ${hive})`;
    case "csv":
      return `read_csv(${glob}, delim = '|', header = true, nullstr = '\\N', quote = '"', escape = '"', ${hive})`;
    case "json":
      return `read_json_auto(${glob}, ${hive})`;
  }
}

/** Small metadata reads (DESCRIBE, count, duckdb_views()): streamed, so no result table is kept. */
export async function readRows(engine: Engine, sql: string): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const chunk of engine.stream(sql)) rows.push(...chunk.rows);
  return rows;
}
