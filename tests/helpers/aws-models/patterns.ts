/**
 * AWS models write patterns as Java regular expressions, and AWS applies them to the whole value
 * (Java's `matches()`): `[a-zA-Z0-9_.-]+` rejects a quoted table name (aws/aws-cli#790) and
 * `[\.\-_/#A-Za-z0-9]+` a log group name with a space (awslabs/aws-ddk#274), though each would
 * "find" a match inside. So a pattern becomes `^(?:…)$` with the `u` flag (a surrogate pair such as
 * `\uD800\uDC00` is one code point in Java, and only `u` reads it so).
 *
 * Java constructs JavaScript lacks are translated where the meaning is the same (POSIX classes,
 * escaped punctuation, `\A`, `\z`, `\Q…\E`, `\x{…}`, `\h`); the rest (possessive quantifiers,
 * atomic groups, class intersections) make the pattern "skipped": not checked, and counted.
 */
export type CompiledPattern = { regex: RegExp } | { skipped: string };

const posixClasses: Record<string, string> = {
  Lower: "a-z",
  Upper: "A-Z",
  ASCII: "\\x00-\\x7F",
  Alpha: "a-zA-Z",
  Digit: "0-9",
  Alnum: "a-zA-Z0-9",
  Punct: "!-\\/:-@\\[-`{-~",
  Graph: "!-~",
  Print: " -~",
  Blank: " \\t",
  Cntrl: "\\x00-\\x1F\\x7F",
  XDigit: "0-9a-fA-F",
  Space: " \\t\\n\\x0B\\f\\r",
};
const horizontalSpace = " \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000";
// Escapes JavaScript's `u` mode accepts as they are; any other escaped punctuation is a literal.
const keptEscapes = new Set([..."dDwWsSbBtnrvf0123456789^$\\.*+?()[]{}|/"]);
const regexSyntax = /[\\^$.*+?()[\]{}|/-]/g;

const cache = new Map<string, CompiledPattern>();

export function compileJavaPattern(pattern: string): CompiledPattern {
  let compiled = cache.get(pattern);
  if (!compiled) {
    compiled = compile(pattern);
    cache.set(pattern, compiled);
  }
  return compiled;
}

function compile(pattern: string): CompiledPattern {
  const translated = translate(pattern);
  if (typeof translated !== "string") return translated;
  try {
    return { regex: new RegExp(`^(?:${translated})$`, "u") };
  } catch (error) {
    return { skipped: `JavaScript cannot compile it: ${(error as Error).message}` };
  }
}

function translate(pattern: string): string | { skipped: string } {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    const next = pattern[i + 1];
    if (char === "\\") {
      if (next === undefined) return { skipped: "ends with a backslash" };
      const escaped = readEscape(pattern, i, inClass);
      if (typeof escaped !== "string") return escaped;
      out += escaped;
      i += escapeLength(pattern, i) - 1;
      continue;
    }
    if (inClass) {
      if (char === "[") return { skipped: "a class inside a class (Java's union)" };
      if (char === "&" && next === "&") return { skipped: "a class intersection (&&)" };
      if (char === "]") inClass = false;
      out += char;
      continue;
    }
    if (char === "[") {
      inClass = true;
      out += char;
      // A "]" right after "[" or "[^" is a literal in Java, the end of an empty class in JavaScript.
      const start = next === "^" ? 2 : 1;
      if (start === 2) out += "^";
      if (pattern[i + start] === "]") out += "\\]";
      i += start - 1 + (pattern[i + start] === "]" ? 1 : 0);
      continue;
    }
    if ((char === "+" || char === "?" || char === "*" || char === "}") && next === "+") {
      if (char !== "?" || isQuantifiable(pattern, i)) return { skipped: "a possessive quantifier" };
    }
    if (char === "(" && next === "?" && pattern[i + 2] === ">") return { skipped: "an atomic group" };
    out += char;
  }
  return out;
}

function isQuantifiable(pattern: string, index: number): boolean {
  return index > 0 && pattern[index - 1] !== "(";
}

function escapeLength(pattern: string, index: number): number {
  const kind = pattern[index + 1];
  if (kind === "Q") {
    const end = pattern.indexOf("\\E", index + 2);
    return end < 0 ? pattern.length - index : end + 2 - index;
  }
  if ((kind === "p" || kind === "P") && pattern[index + 2] === "{") {
    return pattern.indexOf("}", index) + 1 - index;
  }
  if (kind === "x" && pattern[index + 2] === "{") return pattern.indexOf("}", index) + 1 - index;
  if (kind === "u") return 6;
  if (kind === "x") return 4;
  return 2;
}

function readEscape(pattern: string, index: number, inClass: boolean): string | { skipped: string } {
  const kind = pattern[index + 1] as string;
  const whole = pattern.slice(index, index + escapeLength(pattern, index));
  switch (kind) {
    case "Q": {
      const literal = whole.slice(2).replace(/\\E$/, "");
      return literal.replace(regexSyntax, "\\$&");
    }
    case "p":
    case "P": {
      const name = whole.slice(3, -1).replace(/^Is(?=[A-Z])/, "");
      const posix = posixClasses[name];
      if (posix !== undefined) {
        if (kind === "P") return inClass ? { skipped: `\\P{${name}} inside a class` } : `[^${posix}]`;
        return inClass ? posix : `[${posix}]`;
      }
      if (name === "Alphabetic") return `\\${kind}{Alphabetic}`;
      if (name.startsWith("java")) return { skipped: `Java's ${whole}` };
      return whole; // Unicode categories and scripts read the same in JavaScript.
    }
    case "x":
      return whole.startsWith("\\x{") ? `\\u{${whole.slice(3, -1)}}` : whole;
    case "u":
      return whole;
    case "h":
      return inClass ? horizontalSpace : `[${horizontalSpace}]`;
    case "A":
      return "^";
    case "z":
    case "Z":
      return "$";
    case "e":
      return "\\x1B";
    case "a":
      return "\\x07";
    case "-":
      return inClass ? "\\-" : "-";
    default:
      if (keptEscapes.has(kind)) return whole;
      if (/[A-Za-z]/.test(kind)) return { skipped: `the escape ${whole}` };
      return kind; // \: \@ \_ \# and friends: plain literals in both languages.
  }
}
