import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../../pipeline/engine";
import { openDuckDB, runSpark } from "../../../unit/engine/spark-sql/spark-on-duckdb";
import { fuzzed } from "../../settings";

/**
 * Generated valid Spark SQL expressions, run on DuckDB after translation, give what Spark gives.
 * Spark's meaning is computed here beside each expression, for the rules cheap to state exactly:
 * NULL propagation, `/`, `%` and `div` by zero (NULL, not an error), `div` and `%` truncating
 * toward zero, `greatest`/`least` skipping NULLs, `if` and `CASE` with a NULL condition, `concat`
 * with a NULL (NULL, where DuckDB's own concat skips it), `nvl`, `coalesce`, `nullif`.
 */
type Int = number | null;
interface Expr<T> {
  spark: string;
  value: T;
}

const INT32 = 2 ** 31;
const small = fc.integer({ min: -30, max: 30 });
const intLeaf: fc.Arbitrary<Expr<Int>> = fc.oneof(
  { weight: 5, arbitrary: small.map((n) => ({ spark: n < 0 ? `(${n})` : String(n), value: n })) },
  { weight: 1, arbitrary: fc.constant({ spark: "CAST(NULL AS INT)", value: null }) },
  // Spark's integer cast truncates a decimal string; a bad string is NULL.
  {
    weight: 1,
    arbitrary: fc
      .tuple(small, fc.integer({ min: 0, max: 9 }))
      .map(([n, d]) => ({ spark: `CAST('${n}.${d}' AS INT)`, value: n < 0 ? -Math.trunc(-n) : n })),
  },
  { weight: 1, arbitrary: fc.constant({ spark: "CAST('x7' AS INT)", value: null }) },
);

const both = (a: Int, b: Int, f: (a: number, b: number) => Int): Int =>
  a === null || b === null ? null : f(a, b);
// Out of INT range is marked NaN (not compared); `+ 0` because Spark has no negative zero (-1 * 0).
const fits = (value: Int): Int =>
  value !== null && Math.abs(value) >= INT32 ? Number.NaN : value === null ? null : value + 0;

const intExpr: fc.Arbitrary<Expr<Int>> = fc.letrec<{ e: Expr<Int> }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    intLeaf,
    fc.tuple(tie("e"), tie("e"), fc.constantFrom("+", "-", "*", "div", "%")).map(([a, b, op]) => ({
      spark: `(${a.spark} ${op} ${b.spark})`,
      value: fits(
        both(a.value, b.value, (x, y) => {
          if (op === "+") return x + y;
          if (op === "-") return x - y;
          if (op === "*") return x * y;
          if (y === 0) return null;
          return op === "div" ? Math.trunc(x / y) : x % y;
        }),
      ),
    })),
    fc
      .tuple(tie("e"), tie("e"), fc.constantFrom("greatest", "least", "coalesce", "nvl", "nullif"))
      .map(([a, b, fn]) => {
        const present = [a.value, b.value].filter((v): v is number => v !== null);
        let value: Int;
        if (fn === "greatest") value = present.length ? Math.max(...present) : null;
        else if (fn === "least") value = present.length ? Math.min(...present) : null;
        else if (fn === "nullif") value = a.value !== null && a.value === b.value ? null : a.value;
        else value = a.value ?? b.value;
        return { spark: `${fn}(${a.spark}, ${b.spark})`, value };
      }),
    fc.tuple(tie("e"), tie("e"), tie("e"), fc.boolean()).map(([c, a, b, asCase]) => {
      // A NULL condition is not true: the else branch.
      const value = c.value !== null && c.value > 0 ? a.value : b.value;
      const spark = asCase
        ? `CASE WHEN ${c.spark} > 0 THEN ${a.spark} ELSE ${b.spark} END`
        : `if(${c.spark} > 0, ${a.spark}, ${b.spark})`;
      return { spark, value };
    }),
  ),
})).e;

/** Every intermediate value stays in INT range (Spark would wrap, DuckDB would refuse: not compared). */
const inRange = (expr: Expr<Int>) => !Number.isNaN(expr.value) && !/NaN/.test(String(expr.value));

const textLeaf: fc.Arbitrary<Expr<string | null>> = fc.oneof(
  fc.stringMatching(/^[a-z ]{0,5}$/).map((s) => ({ spark: `'${s}'`, value: s })),
  fc.constant({ spark: "CAST(NULL AS STRING)", value: null }),
  intLeaf.map((n) => ({
    spark: `CAST(${n.spark} AS STRING)`,
    value: n.value === null ? null : String(n.value),
  })),
);
/**
 * A literal separator, or the column `sep` of a one-row table holding any text (DuckDB's
 * array_to_string alone wants a constant separator).
 */
const separator = fc.oneof(
  fc.constant({ spark: "'-'", value: "-" as string | null, row: "'-'" }),
  textLeaf.map((s) => ({ spark: "sep", value: s.value, row: s.spark })),
);
/** `row` is the text of the one-row table's `sep` column. */
const textExpr = fc.array(textLeaf, { minLength: 1, maxLength: 4 }).chain((parts) =>
  fc.oneof(
    fc.constant({
      spark: `concat(${parts.map((p) => p.spark).join(", ")})`,
      value: parts.some((p) => p.value === null) ? null : parts.map((p) => p.value).join(""),
      row: "'-'",
    }),
    separator.map((sep) => ({
      // concat_ws skips NULLs instead, and is NULL only for a NULL separator.
      spark: `concat_ws(${sep.spark}, ${parts.map((p) => p.spark).join(", ")})`,
      value:
        sep.value === null
          ? null
          : parts
              .map((p) => p.value)
              .filter((v) => v !== null)
              .join(sep.value),
      row: sep.row,
    })),
  ),
);

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDB();
});
afterAll(async () => {
  await engine?.close();
});

const sparkResult = async (spark: string) => (await runSpark(engine, `SELECT ${spark} AS v`))[0]?.v;

describe("generated Spark SQL runs on DuckDB with Spark's meaning (fuzz)", () => {
  it("integer arithmetic, NULLs, division by zero, conditionals", async () => {
    await fc.assert(
      fc.asyncProperty(intExpr, async (expr) => {
        fc.pre(inRange(expr));
        const got = await sparkResult(expr.spark);
        expect(got === null ? null : Number(got), expr.spark).toBe(expr.value);
      }),
      fuzzed(300),
    );
  });

  it("`/` is a double division, NULL for a zero divisor", async () => {
    await fc.assert(
      fc.asyncProperty(intLeaf, intLeaf, async (a, b) => {
        const got = await sparkResult(`${a.spark} / ${b.spark}`);
        const want = both(a.value, b.value, (x, y) => (y === 0 ? null : x / y));
        if (want === null) expect(got).toBeNull();
        else expect(Number(got)).toBeCloseTo(want, 12);
      }),
      fuzzed(150),
    );
  });

  it("concat is NULL when any part is; concat_ws skips NULLs", async () => {
    await fc.assert(
      fc.asyncProperty(textExpr, async (expr) => {
        const rows = await runSpark(engine, `SELECT ${expr.spark} AS v FROM VALUES (${expr.row}) AS t(sep)`);
        expect(rows[0]?.v, `${expr.spark} with sep = ${expr.row}`).toBe(expr.value);
      }),
      fuzzed(150),
    );
  });
});
