import { type Call, expectArgs, finish } from "../call";
import { GLUE_HINT, type Place, unsupported } from "../errors";
import { duckString } from "../literals";
import { integerLiteral, type Node, placeOf, stringLiteral } from "../tree";

/**
 * Spark patterns are Java regular expressions; DuckDB's are RE2. The common syntax means the
 * same in both, so a pattern is accepted when it is a literal free of the Java-only features
 * below (RE2 would reject most of them anyway, some it would read differently).
 */
const JAVA_ONLY: [RegExp, string][] = [
  [/^\(\?<?[=!]/, "lookaround (?= (?! (?<= (?<!"],
  [/^\(\?>/, "an atomic group (?>"],
  [/^\(\?<\w/, "a named group (?<name>"],
  [/^\(\?[a-zA-Z-]*[a-hj-lnortuvwxyzA-Z][a-zA-Z-]*[:)]/, "an inline flag other than i, s, m"],
  [/^\\[1-9k]/, "a back-reference"],
  [/^\\[ZGhHRXvecV]/, "a Java-only escape"],
  [/^\\[pP]\{\w{3,}\}/, "a Java character class \\p{…}"],
  [/^[*+?}]\+/, "a possessive quantifier"],
];

export function checkJavaRegex(pattern: string, at: Place): void {
  let inClass = false;
  for (let index = 0; index < pattern.length; index += 1) {
    const rest = pattern.slice(index);
    for (const [shape, name] of JAVA_ONLY) {
      if (!shape.test(rest)) continue;
      throw unsupported(
        `The regular expression ${JSON.stringify(pattern)} (it uses ${name})`,
        at,
        `Spark reads patterns as Java regular expressions, DuckDB as RE2: rewrite without ${name}, ${GLUE_HINT}.`,
      );
    }
    if (inClass && rest.startsWith("&&")) {
      throw unsupported(
        `The regular expression ${JSON.stringify(pattern)} (it uses a class intersection &&)`,
        at,
        `List the characters of the class instead, ${GLUE_HINT}.`,
      );
    }
    if (rest[0] === "\\") index += 1;
    else if (rest[0] === "[") inClass = true;
    else if (rest[0] === "]") inClass = false;
  }
}

/** A pattern argument: must be a literal, so it can be checked; returned as a DuckDB literal. */
export function regexArgument(nodes: Node[] | undefined, at: Place, what: string): string {
  const pattern = nodes ? stringLiteral(nodes) : undefined;
  const place = nodes?.[0] ? placeOf(nodes[0]) : at;
  if (pattern === undefined) {
    throw unsupported(
      `A ${what} pattern that is not a string literal`,
      place,
      "Write the pattern as a string literal: Spark reads it as a Java regular expression and DuckDB as RE2, so Lakebook checks each literal for the differences.",
    );
  }
  checkJavaRegex(pattern, place);
  return duckString(pattern);
}

/** Java's replacement syntax ($1, \$) → RE2's (\1, $); named groups ${name} are rejected. */
export function javaReplacement(replacement: string, at: Place): string {
  let out = "";
  for (let index = 0; index < replacement.length; index += 1) {
    const char = replacement[index] as string;
    const next = replacement[index + 1];
    if (char === "\\" && next !== undefined) {
      out += next === "\\" ? "\\\\" : next;
      index += 1;
    } else if (
      char === "$" &&
      next !== undefined &&
      /\d/.test(next) &&
      !/\d/.test(replacement[index + 2] ?? "")
    ) {
      out += `\\${next}`;
      index += 1;
    } else if (char === "$" || char === "\\") {
      throw unsupported(
        `The replacement ${JSON.stringify(replacement)} (a ${char} that is not a one-digit group reference)`,
        at,
        "Use $1 … $9 for groups and \\$ for a dollar sign.",
      );
    } else out += char;
  }
  return out;
}

/** A Java pattern that only matches itself (`,` or `\\|`), as that literal text; else undefined. */
export function plainText(pattern: string): string | undefined {
  let out = "";
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] as string;
    if (char === "\\") {
      const next = pattern[index + 1];
      if (next === undefined || /\w/.test(next)) return undefined;
      out += next;
      index += 1;
    } else if ("^$.|?*+()[]{}".includes(char)) return undefined;
    else out += char;
  }
  return out;
}

export function regexpExtract(call: Call, duckName: string): string {
  expectArgs(call, 2, 3);
  const group = call.args[2] ? integerLiteral(call.args[2]) : 1;
  if (group === undefined || group < 0) {
    throw unsupported(
      `${duckName}() with a group index that is not a literal`,
      call.name,
      "Write the group index as a number, e.g. 1.",
    );
  }
  // Spark's default group is 1, DuckDB's 0: always pass it.
  const pattern = regexArgument(call.args[1], call.name, duckName);
  return finish(call, `${duckName}(${call.t.emit(call.args[0] ?? [])}, ${pattern}, ${group})`);
}

export function regexpReplace(call: Call): string {
  expectArgs(
    call,
    3,
    3,
    "The subset covers regexp_replace(str, pattern, replacement); the position argument is not covered.",
  );
  const pattern = regexArgument(call.args[1], call.name, "regexp_replace");
  const replacement = stringLiteral(call.args[2] ?? []);
  if (replacement === undefined) {
    throw unsupported(
      "regexp_replace() with a replacement that is not a string literal",
      call.name,
      "Write the replacement as a string literal.",
    );
  }
  // Spark replaces every match; DuckDB only the first unless 'g'.
  const rewrite = duckString(javaReplacement(replacement, call.name));
  return finish(call, `regexp_replace(${call.t.emit(call.args[0] ?? [])}, ${pattern}, ${rewrite}, 'g')`);
}

export function rlikeCall(call: Call): string {
  expectArgs(call, 2, 2);
  const pattern = regexArgument(call.args[1], call.name, "rlike");
  return finish(call, `regexp_matches(${call.t.emit(call.args[0] ?? [])}, ${pattern})`);
}
