import { allArgs, arg, expectArgs, type FunctionRewrite, finish } from "../call";

/** NULL-handling shorthands; DuckDB's if() and coalesce() already mean what Spark's do. */

export const nvl: FunctionRewrite = (call) => {
  expectArgs(call, 2, 2);
  return finish(call, `coalesce(${allArgs(call).join(", ")})`);
};

export const nvl2: FunctionRewrite = (call) => {
  expectArgs(call, 3, 3);
  const [value, whenSet, whenNull] = allArgs(call);
  return finish(call, `(CASE WHEN (${value}) IS NOT NULL THEN ${whenSet} ELSE ${whenNull} END)`);
};

export function nullTest(test: "IS NULL" | "IS NOT NULL"): FunctionRewrite {
  return (call) => {
    expectArgs(call, 1, 1);
    return finish(call, `((${arg(call, 0)}) ${test})`);
  };
}
