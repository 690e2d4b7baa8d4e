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
