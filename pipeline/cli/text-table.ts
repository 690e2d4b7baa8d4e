import type { Column, Row } from "../contract";

const MAX_WIDTH = 40;

/** A plain-text table for the terminal; long values are cut with an ellipsis. */
export function renderTable(columns: Column[], rows: Row[]): string {
  const cell = (value: unknown) => {
    const text =
      value === null || value === undefined
        ? "NULL"
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value);
    const flat = text.replace(/\s+/g, " ");
    return flat.length > MAX_WIDTH ? `${flat.slice(0, MAX_WIDTH - 1)}…` : flat;
  };
  const body = rows.map((row) => columns.map((column) => cell(row[column.name])));
  const widths = columns.map((column, i) =>
    Math.max(column.name.length, ...body.map((line) => (line[i] ?? "").length)),
  );
  const line = (values: string[]) => `${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(" | ")}\n`;
  return line(columns.map((c) => c.name)) + line(widths.map((w) => "-".repeat(w))) + body.map(line).join("");
}
