import * as vega from "vega";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../../pipeline/engine";
import { runChart } from "../../../../pipeline/stages/chart";
import { type BinParams, type Bins, niceBins } from "../../../../pipeline/stages/chart/bins";
import { chartCell, chartEngine, sourceCell } from "./chart-fixture";

let engine: Engine;
beforeAll(async () => {
  engine = await chartEngine();
});
afterAll(async () => {
  await engine.close();
});

/** vega's own binning (vega-statistics, re-exported by vega; its typings leave it out). */
const bin = (vega as unknown as { bin: (params: BinParams) => Bins }).bin;

const chart = (spec: unknown, rowCap?: number) =>
  runChart(chartCell(spec), { engine, cells: [sourceCell], ...(rowCap ? { rowCap } : {}) });

type Values = Record<string, unknown>[];
const values = (spec: Record<string, unknown>) => (spec.data as { values: Values }).values;

/** Expected per group over x: a = [1, 3], b = [5, NULL, 10] — as Vega's aggregate ops define them. */
const OPS: [string, number, number][] = [
  ["valid", 2, 2],
  ["missing", 0, 1],
  ["distinct", 2, 2],
  ["sum", 4, 15],
  ["mean", 2, 7.5],
  ["average", 2, 7.5],
  ["median", 2, 7.5],
  ["q1", 1.5, 6.25],
  ["q3", 2.5, 8.75],
  ["min", 1, 5],
  ["max", 3, 10],
  ["product", 3, 50],
  ["stdev", Math.SQRT2, Math.sqrt(12.5)],
  ["stdevp", 1, 2.5],
  ["variance", 2, 12.5],
  ["variancep", 1, 6.25],
];

describe("aggregation pushdown", () => {
  it.each(OPS)("%s runs in the engine, one row per group", async (op, a, b) => {
    const out = await chart({
      mark: "bar",
      encoding: {
        x: { field: "g", type: "nominal" },
        y: { aggregate: op, field: "x", type: "quantitative" },
      },
    });
    expect(out.pushedDown).toBe(true);
    expect(out.sourceRows).toBe(5);
    expect(out.sentRows).toBe(2);
    const rows = values(out.spec);
    expect(rows.map((row) => row.g)).toEqual(["a", "b"]);
    expect(rows[0]?.[`${op}_x`]).toBeCloseTo(a, 10);
    expect(rows[1]?.[`${op}_x`]).toBeCloseTo(b, 10);
    const encoding = out.spec.encoding as Record<string, Record<string, unknown>>;
    const title = `${op.charAt(0).toUpperCase()}${op.slice(1)} of x`;
    expect(encoding.y).toEqual({ field: `${op}_x`, type: "quantitative", title });
    expect(out.sql).toMatch(/GROUP BY 1\nORDER BY 1$/);
  });

  it("count needs no field and keeps the user's title", async () => {
    const out = await chart({
      mark: "arc",
      encoding: { theta: { aggregate: "count", title: "Titles" }, color: { field: "g", type: "nominal" } },
    });
    expect(values(out.spec)).toEqual([
      { g: "a", __count: 2 },
      { g: "b", __count: 3 },
    ]);
    expect((out.spec.encoding as Record<string, unknown>).theta).toEqual({
      field: "__count",
      type: "quantitative",
      title: "Titles",
    });
  });

  it("a KPI without groups is one row", async () => {
    const out = await chart({
      mark: "text",
      encoding: { text: { aggregate: "sum", field: "x", type: "quantitative" } },
    });
    expect(values(out.spec)).toEqual([{ sum_x: 19 }]);
    expect(out.sql).not.toContain("GROUP BY");
  });

  it("bins land on Vega's boundaries, with x2 for the bin's end", async () => {
    const out = await chart({
      mark: "bar",
      encoding: { x: { field: "x", bin: { maxbins: 4 } }, y: { aggregate: "count" } },
    });
    const bins = bin({ extent: [1, 10], maxbins: 4 });
    expect(bins.step).toBe(5);
    expect(values(out.spec)).toEqual([
      { bin_x: 0, bin_x_end: 5, __count: 2 },
      { bin_x: 5, bin_x_end: 10, __count: 2 },
      { bin_x: null, bin_x_end: null, __count: 1 },
    ]);
    const encoding = out.spec.encoding as Record<string, unknown>;
    expect(encoding.x).toEqual({
      field: "bin_x",
      bin: { binned: true, step: 5 },
      type: "quantitative",
      title: "x (binned)",
    });
    expect(encoding.x2).toEqual({ field: "bin_x_end" });
  });

  it.each([
    [[0, 149_998.5], 10],
    [[-3.2, 7.9], 10],
    [[0.001, 0.0093], 20],
    [[5, 5], 10],
  ] as [[number, number], number][])("niceBins(%j, maxbins %d) equals vega's bin", (extent, maxbins) => {
    const expected = bin({ extent, maxbins });
    const actual = niceBins({ maxbins }, extent);
    expect(actual.start).toBe(expected.start);
    expect(actual.step).toBe(expected.step);
    expect(actual.stop).toBeGreaterThanOrEqual(expected.stop);
  });

  it("time units become local timestamps in 2012 when the unit has no year", async () => {
    const out = await chart({
      mark: "line",
      encoding: {
        x: { field: "d", timeUnit: "month", type: "ordinal" },
        y: { aggregate: "count" },
      },
    });
    expect(values(out.spec)).toEqual([
      { month_d: "2012-01-01T00:00:00", __count: 1 },
      { month_d: "2012-02-01T00:00:00", __count: 1 },
      { month_d: "2012-03-01T00:00:00", __count: 2 },
      { month_d: null, __count: 1 },
    ]);
    expect((out.spec.encoding as Record<string, unknown>).x).toEqual({
      field: "month_d",
      timeUnit: { unit: "month", binned: true },
      type: "ordinal",
      title: "d (month)",
    });
  });

  it("utc year-month units keep their year and end in Z", async () => {
    const out = await chart({
      mark: "bar",
      encoding: { x: { field: "d", timeUnit: "utcyearmonth" }, y: { aggregate: "max", field: "x" } },
    });
    expect(values(out.spec).map((row) => row.yearmonth_d)).toEqual([
      "2020-01-01T00:00:00Z",
      "2020-02-01T00:00:00Z",
      "2021-03-01T00:00:00Z",
      null,
    ]);
  });

  it("without an aggregate sends at most the row cap and says so", async () => {
    const out = await chart({ mark: "point", encoding: { x: { field: "x", type: "quantitative" } } }, 3);
    expect(out.pushedDown).toBe(false);
    expect(out.sourceRows).toBe(5);
    expect(out.sentRows).toBe(3);
    expect(values(out.spec)).toHaveLength(3);
    expect(Object.keys(values(out.spec)[0] ?? {})).toEqual(["x"]);
    expect(out.warnings.join(" ")).toMatch(/5 rows; the chart shows the first 3/);
  });

  it("falls back to the browser, with a reason, for what SQL cannot mirror", async () => {
    const out = await chart({
      mark: "bar",
      transform: [{ filter: "datum.x > 1" }],
      encoding: { x: { field: "g", type: "nominal" }, y: { aggregate: "mean", field: "x" } },
    });
    expect(out.pushedDown).toBe(false);
    expect(out.warnings.join(" ")).toMatch(/Not aggregated in the engine: transforms/);
    expect(values(out.spec)).toHaveLength(5);
  });

  it("a field that is not a column fails naming the columns", async () => {
    await expect(
      chart({ mark: "bar", encoding: { x: { field: "G", type: "nominal" }, y: { aggregate: "count" } } }),
    ).rejects.toMatchObject({
      code: "CHART_FIELD_UNKNOWN",
      message: 'Chart chart: encoding.x reads "G", which is not a column of rows. Did you mean "g"?',
      hint: "Columns of rows: g, x, d.",
    });
  });
});
