import { quoteString } from "../../sql";
import { allArgs, arg, expectArgs, type FunctionRewrite, finish } from "../call";
import { unsupported } from "../errors";
import { duckString } from "../literals";
import { integerLiteral, isGroup, isToken, isWord, type Node, stringLiteral, trimmed } from "../tree";
import { plainText, regexArgument } from "./regex";

/**
 * String functions whose DuckDB spelling or edge cases differ. The ones that already mean the
 * same (lower, upper, length, instr, replace with 3 arguments…) are in the registry's same-name list.
 */

/** Spark's concat is NULL when any argument is NULL; DuckDB's concat skips NULLs, `||` does not. */
export const concat: FunctionRewrite = (call) => {
  if (call.args.length === 0) return finish(call, "''");
  return finish(
    call,
    `(${allArgs(call)
      .map((text) => `(${text})`)
      .join(" || ")})`,
  );
};

/** Calls whose result is an array: concat_ws joins their elements instead of printing the list. */
const ARRAY_FUNCTIONS = new Set([
  "ARRAY",
  "SPLIT",
  "COLLECT_LIST",
  "COLLECT_SET",
  "SORT_ARRAY",
  "ARRAY_DISTINCT",
  "TRANSFORM",
  "FILTER",
]);

function isArrayCall(nodes: Node[]): boolean {
  const [name, group] = nodes.filter((node) => !isToken(node) || node.kind !== "space");
  return isWord(name) && ARRAY_FUNCTIONS.has(name.value) && isGroup(group, "(");
}

function isBareColumn(nodes: Node[]): boolean {
  return nodes.every(
    (node) => isToken(node) && (node.kind === "word" || node.kind === "quoted" || node.text === "."),
  );
}

/** A scalar subquery somewhere in the nodes: DuckDB cannot read one inside a lambda. */
function holdsSubquery(nodes: Node[]): boolean {
  return nodes.some(
    (node) =>
      isGroup(node) &&
      ((node.bracket === "(" && isWord(trimmed(node.body)[0], "SELECT", "WITH")) || holdsSubquery(node.body)),
  );
}

/**
 * concat_ws(sep, a, arr, …) joins strings and array elements, skipping NULLs, and is NULL only when
 * sep is ('' when every value is NULL). One list of everything, NULLs filtered out, joined does
 * exactly that. A lone bare column is read as an array (concat_ws(',', col) of a string column would
 * be just col): if it is a string after all, DuckDB stops with a type error instead of printing
 * something else.
 */
export const concatWs: FunctionRewrite = (call) => {
  expectArgs(call, 1, Number.POSITIVE_INFINITY);
  const separator = arg(call, 0);
  const values = call.args.slice(1);
  const loneColumn = values.length === 1 && isBareColumn(values[0] ?? []);
  const parts = values.map((nodes) => {
    const text = call.t.emit(nodes);
    return isArrayCall(nodes) || loneColumn ? text : `[CAST(${text} AS VARCHAR)]`;
  });
  const list =
    parts.length === 0 ? "[]::VARCHAR[]" : parts.length === 1 ? parts[0] : `list_concat(${parts.join(", ")})`;
  const literalSeparator =
    call.args[0]?.length === 1 && isToken(call.args[0][0]) && call.args[0][0].kind === "string";
  // DuckDB's array_to_string is NULL when every element is (or the list is); Spark's is ''.
  if (literalSeparator) return finish(call, `coalesce(array_to_string(${list}, ${separator}), '')`);
  // array_to_string wants a constant separator ("Separator argument to StringAgg must be a
  // constant"), so any other one is put before every value but the first, which are then joined by ''.
  if (holdsSubquery(call.args[0] ?? [])) {
    throw unsupported(
      "concat_ws() with a subquery as its separator",
      call.name,
      "Join the subquery's row and pass its column as the separator.",
    );
  }
  const present = `list_filter(${list}, lambda __p: __p IS NOT NULL)`;
  const separated = `list_transform(${present}, lambda __p, __i: if(__i > 1, ${separator}, '') || __p)`;
  return finish(
    call,
    `CASE WHEN (${separator}) IS NOT NULL THEN coalesce(array_to_string(${separated}, ''), '') END`,
  );
};

/**
 * substring(str, pos[, len]) is 1-based in both; Spark reads pos 0 as 1 and a negative len as
 * empty, DuckDB does not. A positive literal pos with a non-negative len is the same call; any
 * other form is Spark's UTF8String.substringSQL written out.
 */
export const substring: FunctionRewrite = (call) => {
  expectArgs(call, 2, 3);
  if (call.args.some((nodes) => nodes.some((node) => isWord(node, "FROM", "FOR")))) {
    throw unsupported("substring(str FROM pos FOR len)", call.name, "Write substring(str, pos, len).");
  }
  const [text, pos, len] = allArgs(call);
  const literalPos = integerLiteral(call.args[1] ?? []);
  const literalLen = call.args[2] ? integerLiteral(call.args[2]) : 0;
  if (literalPos !== undefined && literalPos > 0 && literalLen !== undefined && literalLen >= 0) {
    return finish(call, `substring(${[text, pos, len].filter(Boolean).join(", ")})`);
  }
  const start = `(CASE WHEN (${pos}) > 0 THEN (${pos}) - 1 WHEN (${pos}) < 0 THEN length(${text}) + (${pos}) ELSE 0 END)`;
  const from = `greatest(${start}, 0)`;
  const end = len === undefined ? `length(${text})` : `(${start} + (${len}))`;
  return finish(
    call,
    `(CASE WHEN ${from} >= ${end} THEN '' ELSE substring(${text}, ${from} + 1, ${end} - ${from}) END)`,
  );
};

/** locate(substr, str[, pos]): the arguments of instr swapped, and 0 for pos < 1. */
export const locate: FunctionRewrite = (call) => {
  expectArgs(call, 2, 3);
  const [needle, text, pos] = allArgs(call);
  if (pos === undefined) return finish(call, `instr(${text}, ${needle})`);
  const found = `instr(substring(${text}, ${pos}), ${needle})`;
  return finish(
    call,
    `(CASE WHEN (${pos}) < 1 THEN 0 WHEN ${found} = 0 THEN 0 ELSE ${found} + (${pos}) - 1 END)`,
  );
};

/** lpad/rpad: the pad defaults to a space in Spark; DuckDB wants it written. */
export function pad(duckName: string): FunctionRewrite {
  return (call) => {
    expectArgs(call, 2, 3);
    const [text, length, padding = "' '"] = allArgs(call);
    return finish(call, `${duckName}(${text}, ${length}, ${padding})`);
  };
}

/** replace(str, search) removes search in Spark; DuckDB needs the empty replacement written. */
export const replace: FunctionRewrite = (call) => {
  expectArgs(call, 2, 3);
  const [text, search, replacement = "''"] = allArgs(call);
  return finish(call, `replace(${text}, ${search}, ${replacement})`);
};

/** initcap: each space-separated word with its first letter upper case, the rest lower case. */
export const initcap: FunctionRewrite = (call) => {
  expectArgs(call, 1, 1);
  const words = `string_split(lower(${arg(call, 0)}), ' ')`;
  return finish(call, `array_to_string(list_transform(${words}, lambda __w: upper(__w[1]) || __w[2:]), ' ')`);
};

/**
 * trim(str), and trim(BOTH|LEADING|TRAILING chars FROM str). Spark's two-argument ltrim/rtrim
 * forms put the characters first; they are left out rather than guessed.
 */
export function trim(side: "trim" | "ltrim" | "rtrim"): FunctionRewrite {
  return (call) => {
    const body = call.args.length === 1 ? trimmed(call.args[0] ?? []) : [];
    const from = body.findIndex((node) => isWord(node, "FROM"));
    if (call.args.length === 1 && from < 0) return finish(call, `${side}(${arg(call, 0)})`);
    if (side !== "trim" || from < 0) {
      throw unsupported(
        `${side}() with ${call.args.length} arguments`,
        call.name,
        `Write trim(BOTH|LEADING|TRAILING chars FROM str).`,
      );
    }
    const head = trimmed(body.slice(0, from));
    const direction = isWord(head[0], "BOTH", "LEADING", "TRAILING")
      ? (head.shift() as { value: string }).value
      : "BOTH";
    const duckName = direction === "LEADING" ? "ltrim" : direction === "TRAILING" ? "rtrim" : "trim";
    const text = call.t.emit(trimmed(body.slice(from + 1)));
    const characters = head.length > 0 ? call.t.emit(head) : quoteString(" ");
    return finish(call, `${duckName}(${text}, ${characters})`);
  };
}

/**
 * split(str, regex[, limit]). Without a limit (or limit ≤ 0) every match splits and trailing
 * empty strings stay, as in DuckDB's string_split_regex. A positive limit keeps the rest of the
 * string in the last element; covered when the pattern matches only itself (',' or '\\|').
 */
export const split: FunctionRewrite = (call) => {
  expectArgs(call, 2, 3);
  const pattern = regexArgument(call.args[1], call.name, "split");
  const text = arg(call, 0);
  const limit = call.args[2] ? integerLiteral(call.args[2]) : -1;
  if (limit === undefined)
    throw unsupported(
      "split() with a limit that is not a literal",
      call.name,
      "Write the limit as a number.",
    );
  const literal = plainText(stringLiteral(call.args[1] ?? []) ?? "");
  // A pattern that matches only itself (',' or '\\|') splits the same as plain text, about twice as fast.
  if (limit <= 0 && literal !== undefined && literal !== "") {
    return finish(call, `string_split(${text}, ${duckString(literal)})`);
  }
  if (limit <= 0) return finish(call, `string_split_regex(${text}, ${pattern})`);
  if (literal === undefined) {
    throw unsupported(
      "split() with a limit and a regular-expression pattern",
      call.name,
      "Split without a limit, or with a plain separator such as ',' or '\\\\|'.",
    );
  }
  const separator = duckString(literal);
  const parts = `string_split(${text}, ${separator})`;
  return finish(
    call,
    `(CASE WHEN (${text}) IS NULL THEN NULL WHEN len(${parts}) <= ${limit} THEN ${parts} ` +
      `ELSE list_concat(${parts}[1:${limit - 1}], [array_to_string(${parts}[${limit}:], ${separator})]) END)`,
  );
};
