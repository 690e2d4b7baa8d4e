/**
 * Python source text: string literals that hold a cell's Spark SQL byte for byte, variable names,
 * and the layout students read (chained calls one per line inside parentheses).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A Python string literal for `text`, picked for reading: "…" when it can be written as is,
 * '…' when the SQL holds double quotes, r"…" when it holds backslashes (a regex, '\\N'), and a fully
 * escaped "…" otherwise. Every form means exactly `text` to Python.
 */
export function pyString(text: string): string {
  if (!CONTROL.test(text) && !text.includes("\\")) {
    if (!text.includes('"')) return `"${text}"`;
    if (!text.includes("'")) return `'${text}'`;
  }
  // A raw string cannot hold its own quote or end in a backslash.
  if (!CONTROL.test(text) && !text.includes('"') && !text.endsWith("\\")) return `r"${text}"`;
  return JSON.stringify(text);
}

/** A triple-quoted string for a whole query; the SQL's own backslashes and quotes stay as they are. */
export function pyLong(text: string): string {
  const body = text
    .replaceAll("\\", "\\\\")
    .replaceAll('"""', '\\"\\"\\"')
    // Python would read a bare CR in the source as a line break, and refuses NUL.
    .replaceAll("\r", "\\r")
    .replaceAll("\u0000", "\\x00");
  return `"""\n${body}\n"""`;
}

/** Text as `#` comment lines; line breaks of any kind start a new comment line. */
export function pyComment(text: string, prefix = "# "): string[] {
  return (
    text
      .replace(/\r\n?/g, "\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters (not tab or newline) become spaces
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ")
      .split("\n")
      .map((line) => `${prefix}${line}`.trimEnd())
  );
}

const KEYWORDS = new Set(
  `False None True and as assert async await break class continue def del elif else except finally
  for from global if import in is lambda nonlocal not or pass raise return try while with yield`.split(/\s+/),
);
/** Names the script itself uses. */
const TAKEN_BY_SCRIPT = ["spark", "F", "SparkSession", "result"];

/** Hands out Python variable names: a view's own name when it is one, never the same twice. */
export function pythonNames(): (name: string) => string {
  const taken = new Set(TAKEN_BY_SCRIPT);
  return (name) => {
    let base = name.replace(/\W/g, "_");
    if (/^\d/.test(base) || base === "") base = `_${base}`;
    if (KEYWORDS.has(base) || taken.has(base)) base = `${base}_df`;
    let candidate = base;
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}_${n}`;
    taken.add(candidate);
    return candidate;
  };
}

/** Chained DataFrame calls: the first expression, then `.method(…)` calls (each may span lines). */
export interface Chain {
  head: string;
  calls: string[];
}

const INDENT = "    ";
const ONE_LINE = 80;

const indent = (text: string): string =>
  text
    .split("\n")
    .map((line) => `${INDENT}${line}`)
    .join("\n");

/** `.method(a, b)` on one line when it fits, else one argument per line. */
export function call(method: string, args: string[]): string {
  const oneLine = `.${method}(${args.join(", ")})`;
  if (oneLine.length <= ONE_LINE && !oneLine.includes("\n")) return oneLine;
  return [`.${method}(`, ...args.map((arg) => indent(`${arg},`)), ")"].join("\n");
}

/** A chain as an expression: its head and calls one per line (for use inside parentheses). */
export function chainText(chain: Chain): string {
  return [chain.head, ...chain.calls].join("\n");
}

/** `name = (chain)`, broken over lines inside the parentheses; a bare head stays on one line. */
export function assignment(name: string, chain: Chain): string[] {
  if (chain.calls.length === 0) return [`${name} = ${chain.head}`];
  return [`${name} = (`, ...indent(chainText(chain)).split("\n"), ")"];
}
