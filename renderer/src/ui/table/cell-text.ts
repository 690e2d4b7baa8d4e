import type { Row } from "../../../../pipeline/contract";

/** One value as text: null stays distinguishable, objects and lists as JSON, big integers as sent. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Rows as tab-separated text with a header line; tabs and newlines inside values become spaces. */
export function toTsv(columns: readonly string[], rows: readonly Row[]): string {
  const clean = (text: string) => text.replace(/[\t\r\n]+/g, " ");
  const lines = [columns.map(clean).join("\t")];
  for (const row of rows) lines.push(columns.map((c) => clean(cellText(row[c]))).join("\t"));
  return `${lines.join("\n")}\n`;
}

const NUMERIC_TYPE = /INT|DOUBLE|FLOAT|DECIMAL|NUMERIC|REAL/i;

/**
 * A value as the table shows it: numbers grouped the user's way (16,668,333 / 16.668.333), up to six
 * decimals. Integers under 10,000 stay bare, so years (1994) do not read as 1,994. Copy and CSV
 * export keep the values as sent (`cellText`).
 */
export function displayText(value: unknown, columnType: string, locale: string): string {
  if (typeof value === "number" && Number.isFinite(value)) {
    if (Number.isInteger(value) && Math.abs(value) < 10_000) return String(value);
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
  }
  // Integers beyond 2^53 travel as strings; BigInt groups them without rounding.
  if (typeof value === "string" && NUMERIC_TYPE.test(columnType) && /^-?\d{5,}$/.test(value)) {
    return BigInt(value).toLocaleString(locale);
  }
  return cellText(value);
}

export const isNumericColumn = (columnType: string) => NUMERIC_TYPE.test(columnType);
