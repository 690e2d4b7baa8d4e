import type { StorageDescriptor, Table, TableInput } from "@aws-sdk/client-glue";
import { type CatalogTable, CatalogTableSchema, type Zone, ZoneSchema } from "../../contract/catalog";
import { LakebookError } from "../../contract/errors";
import { hiveType } from "../../contract/glue-types";

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
export const LAZY_SIMPLE_SERDE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";
export const OPEN_CSV_SERDE = "org.apache.hadoop.hive.serde2.OpenCSVSerde";
/** The Hive JSON SerDe: what JSON tables are registered with (see `storageFormat`). */
export const JSON_SERDE = "org.apache.hive.hcatalog.data.JsonSerDe";
/** The OpenX JSON SerDe: tables made elsewhere with it still read back as JSON. */
const OPENX_JSON_SERDE = "org.openx.data.jsonserde.JsonSerDe";

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
 * The TableInput Glue stores for a CatalogTable. JSON uses the Hive JSON SerDe (one object a line);
 * RAW's dated folders (`dateFolders`) become a projected partition. CSVs
 * are the challenge's (`|`, header, `\N`), read by the SerDe that reads what the ingest validator
 * found (`csvQuoted`; see `csvStorage`). Views are Athena's to write, never Lakebook's.
 */
export function toTableInput(table: CatalogTable, lake: LakeLocation): TableInput {
  if (table.view) {
    throw new LakebookError(
      "CATALOG_VIEW_READ_ONLY",
      `${table.database}.${table.name} is an Athena view; Lakebook does not write views to Glue.`,
      { hint: "Change the view with CREATE OR REPLACE VIEW in a SQL cell on Athena." },
    );
  }
  const parameters: Record<string, string> = {
    EXTERNAL: "TRUE",
    classification: table.format,
    ...lakebookParameters(table),
  };
  if (table.rows !== null) parameters["lakebook.rows"] = String(table.rows);
  if (table.dateFolders) Object.assign(parameters, dateFolderProjection(table, lake));
  if (table.format === "csv") parameters["skip.header.line.count"] = "1";
  // OpenCSVSerDe reads every column as a string whatever the declared type, so say string.
  const quoted = table.format === "csv" && table.csvQuoted === true;
  const column = (c: { name: string; type: string }) => ({
    Name: c.name,
    Type: quoted ? "string" : hiveType(c.type),
  });
  return {
    Name: table.name,
    TableType: "EXTERNAL_TABLE",
    Parameters: parameters,
    PartitionKeys: (table.partitionKeys ?? []).map((c) => ({ Name: c.name, Type: hiveType(c.type) })),
    StorageDescriptor: {
      Columns: table.columns.map(column),
      Location: lakeUri(lake, table.location.endsWith("/") ? table.location : `${table.location}/`),
      ...storageFormat(table),
    },
  };
}

/**
 * RAW's `YYYY/MM/DD/` folders as Athena partitions. They are not `key=value`, so neither MSCK REPAIR
 * nor Glue's default partition location finds them; partition projection maps each value to its
 * folder (`storage.location.template`) with no partition stored in Glue, so a run on a new date
 * (here or on Lambda) needs no Glue call to be queryable, and a query filtering `dt` reads that
 * folder only. The `date` type with format `yyyy/MM/dd` is the one Athena's docs give for exactly
 * these folders, from the first date written to `NOW`
 * (https://docs.aws.amazon.com/athena/latest/ug/partition-projection-kinesis-firehose-example-choosing-partition-keys.html,
 * https://docs.aws.amazon.com/athena/latest/ug/partition-projection-supported-types.html).
 * Projection is Athena's alone: Glue's Spark reads these files by path, never through the table.
 */
export function dateFolderProjection(table: CatalogTable, lake: LakeLocation): Record<string, string> {
  const folders = table.dateFolders;
  if (!folders) return {};
  const key = folders.column;
  const folder = table.location.endsWith("/") ? table.location : `${table.location}/`;
  return {
    "projection.enabled": "true",
    [`projection.${key}.type`]: "date",
    [`projection.${key}.format`]: "yyyy/MM/dd",
    [`projection.${key}.range`]: `${folders.first},NOW`,
    [`projection.${key}.interval`]: "1",
    [`projection.${key}.interval.unit`]: "DAYS",
    "storage.location.template": `${lakeUri(lake, folder)}\${${key}}/`,
  };
}

/** `dateFolders` back from a projected table's parameters (what `dateFolderProjection` wrote). */
function dateFoldersOf(parameters: Record<string, string>): Pick<CatalogTable, "dateFolders"> {
  if (parameters["projection.enabled"] !== "true") return {};
  const template = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}\/$/.exec(parameters["storage.location.template"] ?? "");
  const column = template?.[1];
  if (!column || parameters[`projection.${column}.format`] !== "yyyy/MM/dd") return {};
  const first = (parameters[`projection.${column}.range`] ?? "").split(",")[0] ?? "";
  return { dateFolders: { column, first } };
}

function storageFormat(table: CatalogTable): StorageDescriptor {
  switch (table.format) {
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
        SerdeInfo: csvSerde(table.csvQuoted === true),
      };
    case "json":
      // One JSON object a line, nested arrays and structs as declared. The Hive JSON SerDe rather
      // than OpenX: Athena documents OpenX's results as possibly non-deterministic (rows missing or
      // extra, unexpected NULLs) and names the Hive SerDe as the way around it; OpenX's extras
      // (ignore.malformed.json, dots.in.keys, mapping) are not needed by files Lakebook writes,
      // whose keys are lower case and whose malformed file should fail a query, not vanish from it
      // (https://docs.aws.amazon.com/athena/latest/ug/openx-json-serde.html,
      // https://docs.aws.amazon.com/athena/latest/ug/hive-json-serde.html).
      return {
        InputFormat: TEXT_INPUT_FORMAT,
        OutputFormat: TEXT_OUTPUT_FORMAT,
        SerdeInfo: { SerializationLibrary: JSON_SERDE, Parameters: { "serialization.format": "1" } },
      };
  }
}

/**
 * The challenge CSV's SerDe. Athena's guidance
 * (https://docs.aws.amazon.com/athena/latest/ug/serde-csv-choices.html): values in double quotes →
 * OpenCSVSerDe; none → LazySimpleSerDe, which would keep the quotes and split at a `|` inside them.
 *
 * - No quotes: LazySimpleSerDe with `field.delim` `|` and `serialization.null.format` `\N`, so `\N`
 *   is NULL as DuckDB and Spark (nullValue) read it
 *   (https://docs.aws.amazon.com/athena/latest/ug/lazy-simple-serde.html).
 * - Quotes: OpenCSVSerDe with `separatorChar` `|` and `quoteChar` `"` (`""` inside quotes is one
 *   quote, as in DuckDB). It reads every column as a string and has no null marker
 *   (https://docs.aws.amazon.com/athena/latest/ug/csv-serde.html), so `\N` stays the text `\N`:
 *   RAW keeps the file's text, and TRUSTED (Glue's Spark with nullValue `\N`, or DuckDB) makes it
 *   NULL; a query on raw.* in Athena writes NULLIF(col, '\N'). `escapeChar` is a control character
 *   the validated files never hold: opencsv drops its escape character before any character it
 *   cannot escape, so the usual backslash would turn `\N` into `N`.
 */
export function csvSerde(quoted: boolean): NonNullable<StorageDescriptor["SerdeInfo"]> {
  if (quoted) {
    return {
      SerializationLibrary: OPEN_CSV_SERDE,
      Parameters: { separatorChar: "|", quoteChar: '"', escapeChar: OPEN_CSV_NO_ESCAPE },
    };
  }
  return {
    SerializationLibrary: LAZY_SIMPLE_SERDE,
    Parameters: { "field.delim": "|", "serialization.format": "|", "serialization.null.format": "\\N" },
  };
}

/** U+0001: refused by the ingest validator among the file's first bytes, never part of the course data. */
export const OPEN_CSV_NO_ESCAPE = "\u0001";

/** The mapping lives in the contract, where the UI reads it too. */
export { hiveType };

/** Glue's table back as a CatalogTable; throws CATALOG_CORRUPT naming the table when it cannot be. */
export function fromGlueTable(table: Table, lake: LakeLocation): CatalogTable {
  const database = table.DatabaseName ?? "";
  const where = `Glue table ${database}.${table.Name}`;
  const parameters = table.Parameters ?? {};
  const storage = table.StorageDescriptor ?? {};
  if (table.TableType === "VIRTUAL_VIEW") return fromAthenaView(table);
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
    ...(storage.SerdeInfo?.SerializationLibrary === OPEN_CSV_SERDE ? { csvQuoted: true } : {}),
    ...dateFoldersOf(parameters),
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

/**
 * An Athena view as Glue stores it: TableType VIRTUAL_VIEW, no location, its columns, and
 * `ViewOriginalText` = `/* Presto View: <base64 JSON {originalSql, columns, …}> *\/`
 * (https://docs.aws.amazon.com/athena/latest/ug/views.html). The catalog entry says it is a view.
 */
export function fromAthenaView(table: Table): CatalogTable {
  const database = table.DatabaseName ?? "";
  const where = `Glue view ${database}.${table.Name}`;
  const column = (c: { Name?: string; Type?: string }) => ({ name: c.Name ?? "", type: c.Type ?? "string" });
  const candidate = {
    database,
    name: table.Name ?? "",
    zone: zoneOf(table.Parameters?.["lakebook.zone"], database, ""),
    location: "",
    format: "parquet" as const,
    columns: (table.StorageDescriptor?.Columns ?? []).map(column),
    rows: null,
    producedBy: null,
    view: { sql: viewSql(table.ViewOriginalText) },
    ...(table.UpdateTime || table.CreateTime
      ? { updatedAt: (table.UpdateTime ?? table.CreateTime)?.toISOString() }
      : {}),
  };
  const parsed = CatalogTableSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw corrupt(where, `does not describe a view (${issue?.path.join(".")}: ${issue?.message})`);
}

/** The SQL inside Athena's `/* Presto View: <base64> *\/`, or the text as it is. */
function viewSql(original: string | undefined): string {
  const match = /^\/\* Presto View: ([A-Za-z0-9+/=]+) \*\/$/.exec((original ?? "").trim());
  if (!match?.[1]) return original ?? "";
  try {
    const decoded = JSON.parse(Buffer.from(match[1], "base64").toString("utf8")) as { originalSql?: unknown };
    return typeof decoded.originalSql === "string" ? decoded.originalSql : (original ?? "");
  } catch {
    return original ?? "";
  }
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
  return serde === JSON_SERDE || serde === OPENX_JSON_SERDE ? "json" : "csv";
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
