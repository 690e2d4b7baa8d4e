import { NULL_MARKER } from "../../../lake/dataset-columns";

/**
 * Which challenge columns are numbers, and the byte-level tests for them. Plain decimal notation
 * only (`2002`, `-3`, `7.5`): what the source files use and what DuckDB reads as a number; spaces,
 * thousands separators or exponents are reported as text.
 */
export type ColumnType = "text" | "integer" | "decimal";

const NUMERIC_COLUMNS: Readonly<Record<string, ColumnType>> = {
  anoLancamento: "integer",
  anoTermino: "integer",
  tempoMinutos: "integer",
  notaMedia: "decimal",
  numeroVotos: "integer",
  anoNascimento: "integer",
  anoFalecimento: "integer",
};

export function columnTypes(columns: readonly string[]): ColumnType[] {
  return columns.map((name) => NUMERIC_COLUMNS[name] ?? "text");
}

const BACKSLASH = NULL_MARKER.charCodeAt(0);
const N = NULL_MARKER.charCodeAt(1);
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/** Whether `bytes[start, end)` is the null marker. */
export function isNullMarker(bytes: Uint8Array, start: number, end: number): boolean {
  return end - start === 2 && bytes[start] === BACKSLASH && bytes[start + 1] === N;
}

/** `-?[0-9]+` for integers, `-?[0-9]+(\.[0-9]+)?` for decimals, on `bytes[start, end)`; no allocation. */
export function isNumber(bytes: Uint8Array, start: number, end: number, type: ColumnType): boolean {
  let i = bytes[start] === MINUS ? start + 1 : start;
  const digitsFrom = i;
  while (i < end && (bytes[i] as number) >= ZERO && (bytes[i] as number) <= NINE) i++;
  if (i === digitsFrom) return false;
  if (i === end) return true;
  if (type !== "decimal" || bytes[i] !== DOT) return false;
  const fractionFrom = ++i;
  while (i < end && (bytes[i] as number) >= ZERO && (bytes[i] as number) <= NINE) i++;
  return i === end && i > fractionFrom;
}

/** A preview cell: `\N` is null, a well-formed number in a numeric column is a number, the rest stays text. */
export function previewValue(text: string, type: ColumnType): string | number | null {
  if (text === NULL_MARKER) return null;
  if (type === "text") return text;
  const shape = type === "integer" ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
  return shape.test(text) ? Number(text) : text;
}
