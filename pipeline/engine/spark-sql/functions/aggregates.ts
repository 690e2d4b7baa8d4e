import { allArgs, arg, type Call, expectArgs, type FunctionRewrite, finish } from "../call";
import { note, unsupported } from "../errors";
import { booleanLiteral } from "../tree";

/**
 * Aggregates and window functions whose NULL handling differs, and the approximate ones, whose
 * estimates come from different sketches (notes say so).
 */

function withCondition(call: Call, condition: string): void {
  call.filter = call.filter === undefined ? condition : `(${call.filter}) AND ${condition}`;
}

/** collect_list skips NULLs and gives [] for a group of only NULLs; DuckDB's list keeps NULLs. */
export const collectList: FunctionRewrite = (call) => {
  expectArgs(call, 1, 1);
  if (call.distinct) return collectSet(call);
  const value = arg(call, 0);
  withCondition(call, `(${value}) IS NOT NULL`);
  return `coalesce(${finish(call, `list(${value})`)}, [])`;
};

/** collect_set: distinct values, NULLs skipped, in no promised order, as in Spark. */
export const collectSet: FunctionRewrite = (call) => {
  expectArgs(call, 1, 1);
  // list_distinct drops NULLs; list(DISTINCT …) is not allowed in DuckDB windows, list_distinct is.
  return `coalesce(list_distinct(${finish(call, `list(${arg(call, 0)})`)}), [])`;
};

/**
 * first/last(x[, ignoreNulls]) and first_value/last_value: with IGNORE NULLS (or true) the first
 * non-NULL value. As a window function DuckDB writes that inside the call; as an aggregate it
 * is a FILTER.
 */
export function firstOrLast(which: "first" | "last"): FunctionRewrite {
  return (call) => {
    expectArgs(call, 1, 2);
    const flag = call.args[1] ? booleanLiteral(call.args[1]) : false;
    if (flag === undefined)
      throw unsupported(
        `${which}() with an ignoreNulls flag that is not true/false`,
        call.name,
        `Write ${which}(x) IGNORE NULLS.`,
      );
    const ignoreNulls = flag || call.ignoreNulls;
    call.ignoreNulls = false;
    const value = arg(call, 0);
    if (call.over !== undefined) {
      return finish(call, `${which}_value(${value}${ignoreNulls ? " IGNORE NULLS" : ""})`);
    }
    if (ignoreNulls) withCondition(call, `(${value}) IS NOT NULL`);
    return finish(call, `${which}(${value})`);
  };
}

/** lag/lead/nth_value: IGNORE NULLS goes inside DuckDB's parentheses. */
export function offsetWindow(duckName: string): FunctionRewrite {
  return (call) => {
    expectArgs(call, 1, 3);
    const nulls = call.ignoreNulls ? " IGNORE NULLS" : "";
    call.ignoreNulls = false;
    return finish(call, `${duckName}(${allArgs(call).join(", ")}${nulls})`);
  };
}

export const approxCountDistinct: FunctionRewrite = (call) => {
  expectArgs(call, 1, 2);
  call.t.notes.push(
    note(call.name, "approx_count_distinct: DuckDB's HyperLogLog estimate can differ slightly from Spark's."),
  );
  return finish(call, `approx_count_distinct(${arg(call, 0)})`);
};

export const percentileApprox: FunctionRewrite = (call) => {
  expectArgs(call, 2, 3);
  call.t.notes.push(
    note(
      call.name,
      `${call.name.text.toLowerCase()}: DuckDB's approx_quantile (a t-digest) can pick a different value than Spark's sketch.`,
    ),
  );
  return finish(call, `approx_quantile(${arg(call, 0)}, ${arg(call, 1)})`);
};

/** Spark's exact percentile interpolates between rows, as quantile_cont does. */
export const percentile: FunctionRewrite = (call) => {
  expectArgs(call, 2, 2, "The frequency argument of percentile() is not in the subset.");
  return finish(call, `quantile_cont(${arg(call, 0)}, ${arg(call, 1)})`);
};

export const count: FunctionRewrite = (call) => {
  if (call.args.length > 1) {
    throw unsupported(
      "count() of several columns",
      call.name,
      "Count one expression, e.g. count(DISTINCT concat_ws('|', a, b)) when none is NULL.",
    );
  }
  return finish(
    call,
    `count(${call.distinct ? "DISTINCT " : ""}${call.args.length === 0 ? "" : arg(call, 0)})`,
  );
};
