import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChartOutputSchema } from "../../../../pipeline/contract";
import type { Cell } from "../../../../pipeline/document";
import type { Engine } from "../../../../pipeline/engine";
import { chartDependencies, chartStage } from "../../../../pipeline/stages/chart";
import type { StageContext } from "../../../../pipeline/stages/stage";
import { chartCell, chartEngine, sourceCell } from "./chart-fixture";

let engine: Engine;
beforeAll(async () => {
  engine = await chartEngine();
});
afterAll(async () => {
  await engine.close();
});

/** The parts of a StageContext a chart touches: the engine, the notebook's cells, the signal. */
function context(cells: Cell[]): StageContext {
  return {
    notebook: { meta: {}, cells },
    engine,
    signal: new AbortController().signal,
  } as unknown as StageContext;
}

const run = (cell: Cell, cells: Cell[] = [sourceCell, cell]) => chartStage.run(cell, context(cells));

const BAR = {
  mark: "bar",
  encoding: {
    x: { field: "g", type: "nominal" },
    y: { aggregate: "mean", field: "x", type: "quantitative" },
  },
};

describe("chart stage", () => {
  it("returns a chart output the contract accepts, with tooltips on and the rows inlined", async () => {
    const outcome = await run(chartCell(BAR));
    expect(outcome.summary).toBe("5 rows aggregated in the engine to 2 rows");
    const output = ChartOutputSchema.parse(outcome.output);
    expect(output.spec.mark).toEqual({ type: "bar", tooltip: true });
    expect(output.spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v6.json");
    expect(output.spec.data).toEqual({
      values: [
        { g: "a", mean_x: 2 },
        { g: "b", mean_x: 7.5 },
      ],
    });
    expect(output.warnings).toEqual([]);
  });

  it("keeps a tooltip setting the cell chose", async () => {
    const outcome = await run(chartCell({ ...BAR, mark: { type: "bar", tooltip: false } }));
    expect(ChartOutputSchema.parse(outcome.output).spec.mark).toEqual({ type: "bar", tooltip: false });
  });

  it("reads a catalog-style table with table=", async () => {
    const cell = chartCell(BAR, [{ key: "table", value: "main.t" }]);
    const output = ChartOutputSchema.parse((await run(cell, [cell])).output);
    expect(output.sql).toContain('SELECT * FROM "main"."t"');
    expect(output.sentRows).toBe(2);
  });

  it("replaces data in the spec and says so", async () => {
    const outcome = await run(chartCell({ ...BAR, data: { url: "https://example.com/x.json" } }));
    const output = ChartOutputSchema.parse(outcome.output);
    expect(output.warnings).toContain("The spec's data is replaced by the rows of rows.");
    expect(JSON.stringify(output.spec)).not.toContain("example.com");
  });

  it("reports JSON mistakes with the line and column in the cell", async () => {
    await expect(run(chartCell('{\n  "mark": "bar",\n}'))).rejects.toMatchObject({
      code: "CHART_SPEC_INVALID",
      message:
        "Chart chart: the spec is not valid JSON at line 3, column 1: Expected double-quoted property name.",
    });
  });

  it("checks marks, channels and types against Vega-Lite's schema", async () => {
    await expect(run(chartCell({ mark: "bars" }))).rejects.toMatchObject({
      code: "CHART_SPEC_INVALID",
      message: 'Chart chart: mark is "bars".',
      hint: expect.stringContaining("arc, area, bar"),
    });
    await expect(run(chartCell({ mark: "bar", encoding: { colour: { field: "g" } } }))).rejects.toMatchObject(
      {
        message: 'Chart chart: encoding has no channel "colour".',
      },
    );
    await expect(
      run(chartCell({ mark: "bar", encoding: { x: { field: "g", type: "categorical" } } })),
    ).rejects.toMatchObject({ message: 'Chart chart: encoding.x.type is "categorical".' });
  });

  it("names the sql cells when the source is missing or wrong", async () => {
    await expect(run(chartCell(BAR, []))).rejects.toMatchObject({
      code: "CHART_SOURCE_MISSING",
      hint: expect.stringContaining("(rows)"),
    });
    await expect(run(chartCell(BAR, [{ key: "source", value: "nope" }]))).rejects.toMatchObject({
      code: "CHART_SOURCE_MISSING",
      message: "Chart chart: there is no cell nope.",
    });
    const twoStatements: Cell = { ...sourceCell, source: "SELECT 1; SELECT 2" };
    await expect(run(chartCell(BAR), [twoStatements])).rejects.toMatchObject({
      code: "CHART_SOURCE_INVALID",
    });
  });

  it("depends on its source cell and the tables that cell reads, or on its table", () => {
    const cell = chartCell(BAR);
    const source: Cell = {
      ...sourceCell,
      source: "SELECT * FROM refined.fact_title_rating f JOIN refined.dim_title t USING (title_key)",
    };
    expect(chartDependencies(cell, [source, cell])).toEqual({
      reads: ["rows", "refined.dim_title", "refined.fact_title_rating"],
      writes: [],
    });
    expect(chartDependencies(cell)).toEqual({ reads: ["rows"], writes: [] });
    expect(chartDependencies(chartCell(BAR, [{ key: "table", value: "refined.dim_title" }]))).toEqual({
      reads: ["refined.dim_title"],
      writes: [],
    });
  });
});
