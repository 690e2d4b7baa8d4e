import type { ColumnType } from "./column-types";

/**
 * The shape of a record that can hold no warning, as one regular expression the scanner runs over
 * whole lines instead of its byte machine (V8 compiles it to native code: about three times the
 * machine's speed, which pays for a call per field). A line that matches is, byte for byte, a
 * record the machine would count as a row and say nothing about:
 *
 * - exactly one field per column, each ended by `|` and the last by a bare `\n` (no `\r` anywhere,
 *   so no CRLF, no stray CR, no multi-line field);
 * - no field empty (`EMPTY_FIELD`, `BLANK_LINE`) and none starting with `"` or a space, so nothing
 *   is quoted and no quote can open (a `"` later in a plain field is an ordinary character);
 * - each numeric column `\N` or what `isNumber` accepts: `-?[0-9]+`, with `(\.[0-9]+)?` for decimals.
 *
 * Anything else — and every line the caller finds longer than the capture limit, where a number
 * would be cut — is left to the byte machine, which decides as it always did. The text is the
 * chunk read as latin1, one character per byte, so the positions are the chunk's.
 */
export function plainRecordPattern(types: readonly ColumnType[]): RegExp {
  const text = '[^|\\n\\r" ][^|\\n\\r]*';
  const integer = "-?[0-9]+";
  const field = (type: ColumnType): string => {
    if (type === "text") return text;
    const number = type === "integer" ? integer : `${integer}(?:\\.[0-9]+)?`;
    return `(?:${number}|\\\\N)`;
  };
  return new RegExp(`${types.map(field).join("\\|")}\\n`, "y");
}
