import type { StorageDescriptor, Table, TableInput } from "@aws-sdk/client-glue";
import { type CatalogTable, CatalogTableSchema, type Zone, ZoneSchema } from "../../contract/catalog";
import { LakebookError } from "../../contract/errors";

/**
 * CatalogTable ↔ Glue TableInput, pure. Lakebook's own fields (zone, role, keys, lineage, rows) go
 * into the table's Parameters as `lakebook.*` keys, JSON where structured, so Athena and QuickSight
 * ignore them and Lakebook reads them back. The generic Spark runner builds the same shape in
 * `spark-scripts/lakebook_transform.py` (`table_input`); a test holds the two together.
 */

export const PARQUET_SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
export const PARQUET_INPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
export const PARQUET_OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
const TEXT_INPUT_FORMAT = "org.apache.hadoop.mapred.TextInputFormat";
const TEXT_OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
const CSV_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
const JSON_SERDE = "org.openx.data.jsonserde.JsonSerDe";

/** Where the lake lives in S3; CatalogTable locations are keys relative to `s3://bucket/prefix`. */
export interface LakeLocation {
  bucket: string;
  /** "" or a folder ending in "/", as S3Store has it. */
  prefix?: string;
}

export function lakeUri(lake: LakeLocation, key: string): string {
  return `s3://${lake.bucket}/${lake.prefix ?? ""}${key}`;
}

/** The lake-relative key of an S3 URI, or undefined when it lies outside the lake. */
export function lakeKey(lake: LakeLocation, uri: string): string | undefined {
  const root = lakeUri(lake, "");
  return uri.startsWith(root) ? uri.slice(root.length) : undefined;
}

/** The `lakebook.*` parameters for a table; the transform stage passes them as `tableParameters`. */
export function lakebookParameters(
  table: Pick<CatalogTable, "zone" | "role" | "primaryKey" | "foreignKeys" | "producedBy">,
): Record<string, string> {
  const parameters: Record<string, string> = { "lakebook.zone": table.zone };
  if (table.role) parameters["lakebook.role"] = table.role;
  if (table.primaryKey) parameters["lakebook.primaryKey"] = JSON.stringify(table.primaryKey);
  if (table.foreignKeys) parameters["lakebook.foreignKeys"] = JSON.stringify(table.foreignKeys);
  if (table.producedBy) parameters["lakebook.producedBy"] = JSON.stringify(table.producedBy);
  return parameters;
}

/**
 * The TableInput Glue stores for a CatalogTable. CSVs are the challenge's (`|`, header, `\N`), read by
 * LazySimpleSerDe as Athena recommends for unquoted text; JSON uses the OpenX SerDe (one object a line).
 */
export function toTableInput(table: CatalogTable, lake: LakeLocation): TableInput {
  const parameters: Record<string, string> = {
    EXTERNAL: "TRUE",
    classification: table.format,
    ...lakebookParameters(table),
  };
  if (table.rows !== null) parameters["lakebook.rows"] = String(table.rows);
  if (table.format === "csv") parameters["skip.header.line.count"] = "1";
  const column = (c: { name: string; type: string }) => ({ Name: c.name, Type: hiveType(c.type) });
  return {
    Name: table.name,
    TableType: "EXTERNAL_TABLE",
    Parameters: parameters,
    PartitionKeys: (table.partitionKeys ?? []).map(column),
    StorageDescriptor: {
      Columns: table.columns.map(column),
      Location: lakeUri(lake, table.location.endsWith("/") ? table.location : `${table.location}/`),
      ...storageFormat(table.format),
    },
  };
}

function storageFormat(format: CatalogTable["format"]): StorageDescriptor {
  switch (format) {
    case "parquet":
      return {
        InputFormat: PARQUET_INPUT_FORMAT,
        OutputFormat: PARQUET_OUTPUT_FORMAT,
        SerdeInfo: { SerializationLibrary: PARQUET_SERDE, Parameters: { "serialization.format": "1" } },
      };
    case "csv":
      return {
        InputFormat: TEXT_INPUT_FORMAT,
        OutputFormat: TEXT_OUTPUT_FORMAT,
        SerdeInfo: {
          SerializationLibrary: CSV_SERDE,
          Parameters: { "field.delim": "|", "serialization.format": "|", "serialization.null.format": "\\N" },
        },
      };
    case "json":
      return {
        InputFormat: TEXT_INPUT_FORMAT,
        OutputFormat: TEXT_OUTPUT_FORMAT,
        SerdeInfo: { SerializationLibrary: JSON_SERDE, Parameters: {} },
      };
  }
}

const DUCKDB_TO_HIVE: Record<string, string> = {
  VARCHAR: "string",
  TEXT: "string",
  BIGINT: "bigint",
  INTEGER: "int",
  SMALLINT: "smallint",
  TINYINT: "tinyint",
  HUGEINT: "decimal(38,0)",
  UBIGINT: "decimal(20,0)",
  UINTEGER: "bigint",
  USMALLINT: "int",
  UTINYINT: "smallint",
  DOUBLE: "double",
  FLOAT: "float",
  REAL: "float",
  BOOLEAN: "boolean",
  DATE: "date",
  TIMESTAMP: "timestamp",
  "TIMESTAMP WITH TIME ZONE": "timestamp",
  BLOB: "binary",
};

/**
 * A column type as Glue/Athena spell it. The local catalog records DuckDB's names (VARCHAR, BIGINT,
 * DECIMAL(10,2), VARCHAR[]); Hive names (lower case) pass through unchanged.
 */
export function hiveType(type: string): string {
  const trimmed = type.trim();
  if (trimmed.endsWith("[]")) return `array<${hiveType(trimmed.slice(0, -2))}>`;
  const mapped = DUCKDB_TO_HIVE[trimmed.toUpperCase()];
  if (mapped && trimmed === trimmed.toUpperCase()) return mapped;
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/i.exec(trimmed);
  if (decimal) return `decimal(${decimal[1]},${decimal[2]})`;
  return trimmed.toLowerCase();
}

/** Glue's table back as a CatalogTable; throws CATALOG_CORRUPT naming the table when it cannot be. */
export function fromGlueTable(table: Table, lake: LakeLocation): CatalogTable {
  const database = table.DatabaseName ?? "";
  const where = `Glue table ${database}.${table.Name}`;
  const parameters = table.Parameters ?? {};
  const storage = table.StorageDescriptor ?? {};
  const location = lakeKey(lake, storage.Location ?? "");
  if (location === undefined || location === "") {
    throw corrupt(where, `is at ${storage.Location || "no location"}, outside the lake ${lakeUri(lake, "")}`);
  }
  const column = (c: { Name?: string; Type?: string }) => ({ name: c.Name ?? "", type: c.Type ?? "string" });
  const candidate = {
    database,
    name: table.Name ?? "",
    zone: zoneOf(parameters["lakebook.zone"], database, location),
    location,
    format: formatOf(parameters.classification, storage.SerdeInfo?.SerializationLibrary),
    columns: (storage.Columns ?? []).map(column),
    ...(table.PartitionKeys?.length ? { partitionKeys: table.PartitionKeys.map(column) } : {}),
    rows: rowsOf(parameters["lakebook.rows"] ?? parameters.recordCount),
    ...(parameters["lakebook.role"] ? { role: parameters["lakebook.role"] } : {}),
    ...jsonParameter(where, parameters, "primaryKey"),
    ...jsonParameter(where, parameters, "foreignKeys"),
    producedBy: jsonParameter(where, parameters, "producedBy").producedBy ?? null,
    ...(table.UpdateTime || table.CreateTime
      ? { updatedAt: (table.UpdateTime ?? table.CreateTime)?.toISOString() }
      : {}),
  };
  const parsed = CatalogTableSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw corrupt(where, `does not describe a Lakebook table (${issue?.path.join(".")}: ${issue?.message})`);
}

/** Zone from Lakebook's parameter, else the database (raw/trusted/refined), else the first folder. */
function zoneOf(parameter: string | undefined, database: string, location: string): Zone {
  for (const candidate of [parameter, database, location.split("/", 1)[0]?.toLowerCase()]) {
    const zone = ZoneSchema.safeParse(candidate);
    if (zone.success) return zone.data;
  }
  return "raw";
}

function formatOf(classification: string | undefined, serde: string | undefined): CatalogTable["format"] {
  if (classification === "parquet" || classification === "csv" || classification === "json")
    return classification;
  if (serde === PARQUET_SERDE) return "parquet";
  return serde === JSON_SERDE ? "json" : "csv";
}

function rowsOf(value: string | undefined): number | null {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

function jsonParameter(
  where: string,
  parameters: Record<string, string>,
  field: string,
): Record<string, unknown> {
  const text = parameters[`lakebook.${field}`];
  if (text === undefined) return {};
  try {
    return { [field]: JSON.parse(text) };
  } catch {
    throw corrupt(where, `has a parameter lakebook.${field} that is not JSON`);
  }
}

function corrupt(where: string, problem: string): LakebookError {
  return new LakebookError("CATALOG_CORRUPT", `${where} ${problem}.`, {
    hint: "Fix the table in the Glue console (or delete it), then run the cell that registers it again.",
  });
}
