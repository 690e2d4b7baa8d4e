import { GLUE_HINT, unsupported } from "./errors";

/**
 * Spark SQL's lexical rules, which differ from DuckDB's where it matters: "x" is a string, not an
 * identifier; `x` is an identifier; backslash escapes are on inside strings ('\\N' is `\N`);
 * block comments nest; numbers carry type suffixes (10L, 1.5D, 2BD).
 */
export type TokenKind =
  | "space"
  | "comment"
  | "hint"
  | "word"
  | "quoted"
  | "string"
  | "number"
  | "op"
  | "punct";

export interface Token {
  kind: TokenKind;
  /** The source text, as written. */
  text: string;
  /** word: upper-cased; quoted identifier and string: the unescaped value; number: digits without suffix. */
  value: string;
  /** Numbers only: L, S, Y, D, F, BD, or "". */
  suffix: string;
  line: number;
  col: number;
}

const OPERATORS = [
  "<=>",
  "==",
  "!=",
  "<>",
  "<=",
  ">=",
  "||",
  "->",
  "::",
  "=",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "%",
  "&",
  "|",
  "^",
  "~",
  "!",
  ":",
];
const PUNCTUATION = new Set(["(", ")", "[", "]", ",", ".", ";"]);
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(BD|[LSYDF])?(?![\w$])/i;
const WORD = /^[A-Za-z_][\w$]*/;

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  let line = 1;
  let col = 1;
  const push = (kind: TokenKind, text: string, value = text, suffix = "") => {
    tokens.push({ kind, text, value, suffix, line, col });
    for (const char of text) {
      if (char === "\n") {
        line += 1;
        col = 1;
      } else col += 1;
    }
    offset += text.length;
  };
  while (offset < sql.length) {
    const rest = sql.slice(offset);
    const char = rest[0] as string;
    const at = { line, col };
    if (/\s/.test(char)) push("space", /^\s+/.exec(rest)?.[0] ?? char);
    else if (rest.startsWith("--")) push("comment", /^--[^\n]*/.exec(rest)?.[0] ?? rest);
    else if (rest.startsWith("/*")) {
      const text = blockComment(rest, at);
      push(text.startsWith("/*+") ? "hint" : "comment", text);
    } else if (char === "'" || char === '"') {
      const text = quotedText(rest, char, at, "string literal");
      push("string", text, unescapeSparkString(text.slice(1, -1)));
    } else if (/^[rR]['"]/.test(rest)) {
      // Raw strings (r'C:\dir') take backslashes literally.
      const text = quotedText(rest.slice(1), rest[1] as string, at, "raw string literal");
      push("string", `r${text}`, text.slice(1, -1));
    } else if (char === "`") {
      const text = quotedText(rest, "`", at, "quoted identifier");
      push("quoted", text, text.slice(1, -1).replaceAll("``", "`"));
    } else if (/[\d.]/.test(char) && NUMBER.test(rest)) {
      const match = NUMBER.exec(rest) as RegExpExecArray;
      const suffix = (match[1] ?? "").toUpperCase();
      push("number", match[0], match[0].slice(0, match[0].length - suffix.length), suffix);
    } else if (/\d/.test(char)) {
      throw unsupported(
        `The name ${/^\w+/.exec(rest)?.[0]} (it starts with a digit)`,
        at,
        "Quote it with backticks, e.g. `2020_sales`.",
      );
    } else if (WORD.test(rest)) {
      const text = (WORD.exec(rest) as RegExpExecArray)[0];
      push("word", text, text.toUpperCase());
    } else if (PUNCTUATION.has(char)) push("punct", char);
    else {
      const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
      if (!op) throw unsupported(`The character ${JSON.stringify(char)}`, at, `Remove it, ${GLUE_HINT}.`);
      push("op", op);
    }
  }
  return tokens;
}

/** Spark's block comments nest: `/* a /* b *\/ c *\/` is one comment. */
function blockComment(rest: string, at: { line: number; col: number }): string {
  let depth = 0;
  for (let index = 0; index < rest.length - 1; index += 1) {
    const pair = rest.slice(index, index + 2);
    if (pair === "/*") {
      depth += 1;
      index += 1;
    } else if (pair === "*/") {
      depth -= 1;
      index += 1;
      if (depth === 0) return rest.slice(0, index + 1);
    }
  }
  throw unsupported("An unclosed /* comment", at, "Close the comment with */.");
}

function quotedText(rest: string, quote: string, at: { line: number; col: number }, what: string): string {
  for (let index = 1; index < rest.length; index += 1) {
    const char = rest[index];
    if (char === "\\" && quote !== "`") index += 1;
    else if (char === quote) {
      // A doubled backtick is an escaped backtick; Spark strings escape quotes with a backslash only.
      if (quote === "`" && rest[index + 1] === "`") index += 1;
      else return rest.slice(0, index + 1);
    }
  }
  throw unsupported(`An unclosed ${what}`, at, `Close it with ${quote}.`);
}

const ESCAPES: Record<string, string> = {
  "0": "\u0000",
  b: "\b",
  n: "\n",
  r: "\r",
  t: "\t",
  Z: "\u001a",
  // Kept with their backslash on purpose: LIKE patterns use them as escaped wildcards.
  "%": "\\%",
  _: "\\_",
};

/** Spark's unescapeSQLString: \n, \t, \uXXXX, octal \ooo; any other escaped char stands for itself. */
export function unescapeSparkString(body: string): string {
  let out = "";
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index] as string;
    if (char !== "\\" || index === body.length - 1) {
      out += char;
      continue;
    }
    const next = body[index + 1] as string;
    const unicode = /^u([0-9a-fA-F]{4})/.exec(body.slice(index + 1));
    const octal = /^([0-3][0-7]{2})/.exec(body.slice(index + 1));
    if (unicode) {
      out += String.fromCharCode(Number.parseInt(unicode[1] as string, 16));
      index += 5;
    } else if (octal) {
      out += String.fromCharCode(Number.parseInt(octal[1] as string, 8));
      index += 3;
    } else {
      out += ESCAPES[next] ?? next;
      index += 1;
    }
  }
  return out;
}
