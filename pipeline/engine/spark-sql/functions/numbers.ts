import { arg, expectArgs, type FunctionRewrite, finish } from "../call";

/**
 * floor/ceil return BIGINT in Spark and a DOUBLE in DuckDB; the value is the same, the column
 * type written to Parquet would not be.
 */
export function roundToWhole(duckName: string): FunctionRewrite {
  return (call) => {
    expectArgs(call, 1, 1, "The scale argument of floor/ceil is not in the subset; use round(x, d).");
    return finish(call, `TRY_CAST(${duckName}(${arg(call, 0)}) AS BIGINT)`);
  };
}

/** round is HALF_UP in Spark (2.5 → 3, -2.5 → -3), as DuckDB's round; bround is HALF_EVEN. */
export function rounding(duckName: string): FunctionRewrite {
  return (call) => {
    expectArgs(call, 1, 2);
    const scale = call.args[1] ? arg(call, 1) : "0";
    return finish(call, `${duckName}(${arg(call, 0)}, ${scale})`);
  };
}

/** log(x) is the natural log in Spark but log10 in DuckDB; log(base, x) is the same in both. */
export const log: FunctionRewrite = (call) => {
  expectArgs(call, 1, 2);
  return finish(
    call,
    call.args.length === 1 ? `ln(${arg(call, 0)})` : `log(${arg(call, 0)}, ${arg(call, 1)})`,
  );
};
