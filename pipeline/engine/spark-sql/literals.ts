import { quoteString } from "../sql";
import type { Token } from "./tokens";

const SUFFIX_TYPES: Record<string, string> = {
  L: "BIGINT",
  S: "SMALLINT",
  Y: "TINYINT",
  D: "DOUBLE",
  F: "FLOAT",
};

/**
 * Spark's typed number literals (10L, 1.5D, 2BD) as casts; plain literals mean the same in both
 * (an integer, a DECIMAL for 1.5, a DOUBLE for 1e3).
 */
export function numberLiteral(token: Token): string {
  const type = token.suffix === "BD" ? decimalTypeOf(token.value) : SUFFIX_TYPES[token.suffix];
  return type ? `CAST(${token.value} AS ${type})` : token.value;
}

/** 12.50BD is DECIMAL(4,2): as many digits as written, like Java's BigDecimal. */
function decimalTypeOf(text: string): string {
  const [whole = "", fraction = ""] = text.toLowerCase().split("e")[0]?.split(".") ?? [];
  const digits = `${whole.replace(/^0+/, "")}${fraction}`.length;
  const scale = fraction.length;
  return `DECIMAL(${Math.min(38, Math.max(digits, scale, 1))},${scale})`;
}

/**
 * A string value as a DuckDB literal. A line break in it (Spark's `\n` escape, or one typed
 * inside the quotes) is written as an escape in E'…', so the literal sits on one line: a `\n`
 * escape adds no line to the translation, and a typed break follows the literal (keepLineBreaks).
 * E'…' is still a literal to DuckDB, so it casts to a date or a number the way '…' does.
 */
export function duckString(value: string): string {
  if (!/[\r\n]/.test(value)) return quoteString(value);
  const escaped = value
    .replaceAll("\\", "\\\\")
    .replaceAll("'", "''")
    .replaceAll("\n", "\\n")
    .replaceAll("\r", "\\r");
  return `E'${escaped}'`;
}
