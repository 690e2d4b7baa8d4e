import type { Row as AthenaRow, ColumnInfo } from "@aws-sdk/client-athena";
import type { Column } from "../../contract/catalog";
import type { Row } from "../../contract/results";

/**
 * Athena returns every value as text (VarCharValue; absent means NULL). These turn it into the
 * same JSON the local engine gives (pipeline/engine/values.ts), so a table output looks the same
 * on both targets: integers beyond 2^53 and long decimals stay strings, NaN/Infinity are strings,
 * dates are YYYY-MM-DD, timestamps ISO (…T…); array, map, row, json and varbinary stay Athena's text.
 */
export function athenaValue(text: string | undefined, type: string): unknown {
  if (text === undefined) return null;
  switch (baseType(type)) {
    case "tinyint":
    case "smallint":
    case "integer":
    case "int":
      return Number(text);
    case "bigint":
      return exactNumber(text);
    case "double":
    case "float":
    case "real": {
      const value = Number(text);
      return Number.isFinite(value) ? value : text;
    }
    case "decimal":
      return exactNumber(text);
    case "boolean":
      return text === "true" ? true : text === "false" ? false : text;
    case "timestamp":
      // "2026-01-05 12:34:56.789" → ISO; "… with time zone" values carry a zone name: kept as text.
      return /with time zone/i.test(type) ? text : text.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, "$1T");
    default:
      return text;
  }
}

/** Column names and types as the contract shows them; repeated names get _1, _2 like DuckDB's. */
export function athenaColumns(info: readonly ColumnInfo[]): Column[] {
  const seen = new Map<string, number>();
  return info.map((column, index) => {
    const wanted = column.Label || column.Name || `column${index}`;
    const count = seen.get(wanted) ?? 0;
    seen.set(wanted, count + 1);
    return { name: count === 0 ? wanted : `${wanted}_${count}`, type: athenaType(column) };
  });
}

export function athenaRow(row: AthenaRow, columns: readonly Column[]): Row {
  const out: Row = {};
  columns.forEach((column, index) => {
    out[column.name] = athenaValue(row.Data?.[index]?.VarCharValue, column.type);
  });
  return out;
}

/** "decimal(10,2)" as Athena writes it in DDL; ColumnInfo keeps precision and scale apart. */
function athenaType(column: ColumnInfo): string {
  const type = column.Type ?? "varchar";
  if (type === "decimal" && column.Precision !== undefined)
    return `decimal(${column.Precision},${column.Scale ?? 0})`;
  return type;
}

function baseType(type: string): string {
  return type.toLowerCase().split(/[(\s]/, 1)[0] ?? "";
}

/** A number when the double holds it exactly, else the exact text (revenue in cents, big ids). */
function exactNumber(text: string): number | string {
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  if (Number.isInteger(value)) return Number.isSafeInteger(value) ? value : text;
  return significantDigits(text) <= 15 ? value : text;
}

function significantDigits(text: string): number {
  return text
    .replace(/^[-+]?0*/, "")
    .replace(".", "")
    .replace(/^0+/, "").length;
}
