import {
  arrayFromArrayValue,
  arrayFromListValue,
  DuckDBBlobValue,
  type DuckDBDataChunk,
  DuckDBDecimalValue,
  DuckDBGeometryValue,
  type DuckDBResult,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  type DuckDBValueConverter,
  fromVariantValue,
  type Json,
  JsonDuckDBValueConverter,
  objectArrayFromMapValue,
  objectFromStructValue,
  objectFromUnionValue,
} from "@duckdb/node-api";
import type { Column } from "../contract/catalog";
import type { Row } from "../contract/results";

/**
 * DuckDB values → JSON that survives every transport (HTTP, IPC, the CLI's --json) unchanged:
 * - integers beyond ±(2^53−1) travel as decimal strings, smaller ones as numbers;
 * - DECIMAL is a number while its digits fit a double exactly, else its exact string;
 * - NaN/±Infinity (not JSON) become "NaN"/"Infinity"/"-Infinity";
 * - DATE is YYYY-MM-DD, TIMESTAMP an ISO string (…T…, microseconds kept; TIMESTAMPTZ ends in Z);
 *   values JSON dates cannot express (BC, year > 9999, ±infinity) keep DuckDB's own text;
 * - BLOB/GEOMETRY are base64; LIST/ARRAY arrays; STRUCT objects; MAP an array of {key, value}
 *   (keys may be any type, and order is kept); UNION {tag, value}; INTERVAL/TIME/UUID/BIT text.
 */
export const toJsonValue: DuckDBValueConverter<Json> = (value, type, convert) => {
  if (value === null) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM:
      return typeof value === "bigint" ? safeInteger(value) : String(value);
    case DuckDBTypeId.DECIMAL:
      return value instanceof DuckDBDecimalValue ? decimal(value) : String(value);
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return typeof value === "number" && Number.isFinite(value) ? value : String(value);
    case DuckDBTypeId.DATE:
      return String(value);
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
      return isoTimestamp(String(value), "");
    case DuckDBTypeId.TIMESTAMP_TZ:
      // Formatted from the UTC instant, so the process-wide display offset of the binding never leaks in.
      return value instanceof DuckDBTimestampTZValue
        ? isoTimestamp(String(new DuckDBTimestampValue(value.micros)), "Z")
        : String(value);
    case DuckDBTypeId.BLOB:
      return value instanceof DuckDBBlobValue ? base64(value.bytes) : String(value);
    case DuckDBTypeId.GEOMETRY:
      return value instanceof DuckDBGeometryValue ? base64(value.bytes) : String(value);
    case DuckDBTypeId.LIST:
      return arrayFromListValue(value, type, convert);
    case DuckDBTypeId.ARRAY:
      return arrayFromArrayValue(value, type, convert);
    case DuckDBTypeId.STRUCT:
      return objectFromStructValue(value, type, convert);
    case DuckDBTypeId.MAP:
      return objectArrayFromMapValue(value, type, convert);
    case DuckDBTypeId.UNION:
      return objectFromUnionValue(value, type, convert);
    case DuckDBTypeId.VARIANT:
      return fromVariantValue(value, type, convert);
    case DuckDBTypeId.INTERVAL:
      return String(value);
    default:
      return JsonDuckDBValueConverter(value, type, convert);
  }
};

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function safeInteger(value: bigint): number | string {
  return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value.toString();
}

/** Exact when the unscaled digits fit 2^53: the double then prints back as the same decimal. */
function decimal(value: DuckDBDecimalValue): number | string {
  return value.value <= MAX_SAFE && value.value >= -MAX_SAFE ? value.toDouble() : value.toString();
}

const PLAIN_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?:[+-]00)?$/;

function isoTimestamp(text: string, zone: "" | "Z"): string {
  const parts = PLAIN_TIMESTAMP.exec(text);
  return parts ? `${parts[1]}T${parts[2]}${zone}` : text;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/**
 * Column names as rows are keyed: DuckDB's deduplicated names, so `SELECT 1 a, 2 a` keeps both
 * values (as "a" and "a:1") instead of one silently overwriting the other.
 */
export function columnsOf(result: DuckDBResult): Column[] {
  const names = result.deduplicatedColumnNames();
  return result
    .columnTypes()
    .map((type, index) => ({ name: names[index] ?? `column${index}`, type: type.toString() }));
}

/** One data chunk → row objects, converted column by column (DuckDB's storage order). */
/** The chunk's first `count` rows, as `rowsOfChunk` gives them, without converting the rest. */
export function firstRowsOfChunk(chunk: DuckDBDataChunk, columns: readonly Column[], count: number): Row[] {
  const rows: Row[] = [];
  for (let r = 0; r < Math.min(count, chunk.rowCount); r += 1) {
    const values = chunk.convertRowValues(r, toJsonValue);
    const row: Row = {};
    columns.forEach((column, c) => {
      row[column.name] = values[c] ?? null;
    });
    rows.push(row);
  }
  return rows;
}

export function rowsOfChunk(chunk: DuckDBDataChunk, columns: readonly Column[]): Row[] {
  const values = columns.map((_, index) => chunk.convertColumnValues(index, toJsonValue));
  const rows: Row[] = [];
  for (let r = 0; r < chunk.rowCount; r += 1) {
    const row: Row = {};
    columns.forEach((column, c) => {
      row[column.name] = values[c]?.[r] ?? null;
    });
    rows.push(row);
  }
  return rows;
}
