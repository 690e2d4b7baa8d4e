import { allArgs, arg, type Call, displayName, expectArgs, type FunctionRewrite, finish } from "../call";
import { GLUE_HINT, unsupported } from "../errors";
import { booleanLiteral, isGroup, isOp, isToken, nextSignificant, stringLiteral, trimmed } from "../tree";

/**
 * Array functions. Spark arrays are 0-based under [i] and 1-based in element_at; DuckDB lists are
 * 1-based everywhere; NULL elements and NULL arrays are handled as Spark documents them.
 */

export const array: FunctionRewrite = (call) => finish(call, `[${allArgs(call).join(", ")}]`);

/** size(NULL) is -1 in Spark (spark.sql.legacy.sizeOfNull, on when ANSI mode is off). */
export const size: FunctionRewrite = (call) => {
  expectArgs(call, 1, 1);
  return finish(call, `coalesce(len(${arg(call, 0)}), -1)`);
};

/** array_contains is NULL (not false) when the value is missing but the array holds a NULL. */
export const arrayContains: FunctionRewrite = (call) => {
  expectArgs(call, 2, 2);
  const [list, value] = allArgs(call);
  return finish(
    call,
    `(CASE WHEN (${list}) IS NULL OR (${value}) IS NULL THEN NULL WHEN list_contains(${list}, ${value}) THEN true ` +
      `WHEN list_position(${list}, NULL) IS NOT NULL THEN NULL ELSE false END)`,
  );
};

/** array_distinct keeps the first of each value in order, NULL included; list_distinct does neither. */
export const arrayDistinct: FunctionRewrite = (call) => {
  expectArgs(call, 1, 1);
  const list = arg(call, 0);
  const firsts = `list_filter(range(1, len(${list}) + 1), lambda __i: list_position(${list}, (${list})[__i]) = __i)`;
  return finish(call, `list_select(${list}, ${firsts})`);
};

/** sort_array sorts NULLs first ascending and last descending. */
export const sortArray: FunctionRewrite = (call) => {
  expectArgs(call, 1, 2);
  const ascending = call.args[1] ? booleanLiteral(call.args[1]) : true;
  if (ascending === undefined)
    throw unsupported(
      "sort_array() with a direction that is not true/false",
      call.name,
      "Write sort_array(arr, true) or sort_array(arr, false).",
    );
  const order = ascending ? "'ASC', 'NULLS FIRST'" : "'DESC', 'NULLS LAST'";
  return finish(call, `list_sort(${arg(call, 0)}, ${order})`);
};

/** element_at(arr, i): 1-based, negative from the end, NULL out of range: DuckDB's list_extract. */
export const elementAt: FunctionRewrite = (call) => {
  expectArgs(call, 2, 2);
  if (stringLiteral(call.args[1] ?? []) !== undefined) {
    throw unsupported("element_at() on a map", call.name, `Maps are not in the subset, ${GLUE_HINT}.`);
  }
  return finish(call, `list_extract(${arg(call, 0)}, ${arg(call, 1)})`);
};

/** array_join skips NULL elements unless a replacement is given. */
export const arrayJoin: FunctionRewrite = (call) => {
  expectArgs(call, 2, 3);
  const [list, separator, replacement] = allArgs(call);
  const elements =
    replacement === undefined ? list : `list_transform(${list}, lambda __x: coalesce(__x, ${replacement}))`;
  return finish(call, `array_to_string(${elements}, ${separator})`);
};

/** explode in the SELECT list: one row per element; no row for a NULL or empty array, as in Spark. */
export const explode: FunctionRewrite = (call) => {
  expectArgs(call, 1, 1, "Pass one array: maps are not in the subset.");
  return finish(call, `unnest(${arg(call, 0)})`);
};

/** explode_outer: a NULL or empty array still gives one row, with NULL. */
export const explodeOuter: FunctionRewrite = (call) => {
  expectArgs(call, 1, 1, "Pass one array: maps are not in the subset.");
  const list = arg(call, 0);
  return finish(call, `unnest(CASE WHEN len(${list}) > 0 THEN ${list} ELSE [NULL] END)`);
};

export const posexplodeInSelect: FunctionRewrite = (call) => {
  throw unsupported(
    `${displayName(call)} in the SELECT list`,
    call.name,
    "Write FROM t LATERAL VIEW posexplode(arr) v AS pos, col: Lakebook translates that form.",
  );
};

/**
 * transform(arr, x -> expr) and filter(arr, x -> cond) with a one-parameter lambda. Spark's
 * two-parameter form passes a 0-based index where DuckDB's passes a 1-based one: not covered.
 */
export function lambdaCall(duckName: string): FunctionRewrite {
  return (call: Call) => {
    expectArgs(call, 2, 2);
    const lambda = trimmed(call.args[1] ?? []);
    const arrow = lambda.findIndex((node) => isOp(node, "->"));
    const parameter = lambda[arrow < 0 ? 0 : nextSignificant(lambda, 0)];
    const single = isGroup(parameter, "(") ? trimmed(parameter.body) : parameter ? [parameter] : [];
    const name = single[0];
    if (
      arrow < 0 ||
      single.length !== 1 ||
      !isToken(name) ||
      (name.kind !== "word" && name.kind !== "quoted")
    ) {
      throw unsupported(
        `${displayName(call)} with ${arrow < 0 ? "no lambda" : "a lambda of more than one parameter"}`,
        call.name,
        `Write ${call.name.text.toLowerCase()}(arr, x -> …) with one parameter, ${GLUE_HINT}.`,
      );
    }
    const body = call.t.emit(trimmed(lambda.slice(arrow + 1)));
    return finish(call, `${duckName}(${arg(call, 0)}, lambda ${call.t.emit([name])}: ${body})`);
  };
}
