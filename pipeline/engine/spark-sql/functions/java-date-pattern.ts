import { GLUE_HINT, type Place, unsupported } from "../errors";

/**
 * Spark's datetime patterns (Java's DateTimeFormatter letters: yyyy-MM-dd) → DuckDB's
 * strftime/strptime codes (%Y-%m-%d). Letters without a DuckDB counterpart are rejected; text in
 * single quotes and non-letters are literal.
 */
const CODES: Record<string, Record<number, string>> = {
  y: { 1: "%Y", 2: "%y", 4: "%Y" },
  M: { 1: "%-m", 2: "%m", 3: "%b", 4: "%B" },
  L: { 1: "%-m", 2: "%m", 3: "%b", 4: "%B" },
  d: { 1: "%-d", 2: "%d" },
  H: { 1: "%-H", 2: "%H" },
  h: { 1: "%-I", 2: "%I" },
  m: { 1: "%-M", 2: "%M" },
  s: { 1: "%-S", 2: "%S" },
  S: { 3: "%g", 6: "%f" },
  a: { 1: "%p" },
  E: { 3: "%a", 4: "%A" },
};

export function strftimeFormat(pattern: string, at: Place): string {
  let out = "";
  for (let index = 0; index < pattern.length; ) {
    const char = pattern[index] as string;
    if (char === "'") {
      const close = pattern.indexOf("'", index + 1);
      if (close < 0)
        throw unsupported(
          `The date pattern ${JSON.stringify(pattern)} (an unclosed quote)`,
          at,
          "Close the quoted text with '.",
        );
      // '' inside a pattern is one quote character.
      out += close === index + 1 ? "'" : pattern.slice(index + 1, close).replaceAll("%", "%%");
      index = close + 1;
      continue;
    }
    let count = 1;
    while (pattern[index + count] === char) count += 1;
    if (/[a-zA-Z]/.test(char)) {
      const code = CODES[char]?.[count];
      if (!code) {
        throw unsupported(
          `The date pattern letter ${char.repeat(count)} in ${JSON.stringify(pattern)}`,
          at,
          `The subset covers y, yy, yyyy, M…MMMM, d, dd, H, HH, h, hh, m, mm, s, ss, SSS, SSSSSS, a, EEE, EEEE, ${GLUE_HINT}.`,
        );
      }
      out += code;
    } else out += char.repeat(count).replaceAll("%", "%%");
    index += count;
  }
  return out;
}
