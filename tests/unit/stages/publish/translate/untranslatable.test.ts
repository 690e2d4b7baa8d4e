import { describe, expect, it } from "vitest";
import { untranslatable } from "../../../../../pipeline/stages/publish/translate";
import type { translate } from "./helpers";

const problems = (spec: Parameters<typeof translate>[0], columns: Parameters<typeof translate>[1] = {}) =>
  untranslatable({ chartId: "c", spec, dataSet: "c", columns: new Map(Object.entries(columns)) });

const bar = { x: { field: "subgenre", type: "nominal" }, y: { field: "titles", type: "quantitative" } };

describe("untranslatable: everything QuickSight cannot show, as {chart, what, why}", () => {
  it("lists compositions, transforms and marks without a visual", () => {
    expect(problems({ layer: [{ mark: "bar" }, { mark: "rule" }] }).map((p) => p.what)).toEqual([
      "layer",
      "mark: (none)",
    ]);
    expect(problems({ hconcat: [], mark: "bar", encoding: bar }).map((p) => p.what)).toEqual(["hconcat"]);
    expect(problems({ mark: "bar", encoding: bar, transform: [{ filter: "datum.titles > 3" }] })).toEqual([
      { chart: "c", what: "transform", why: expect.stringContaining("compute them in the chart's SQL cell") },
    ]);
    expect(problems({ mark: "tick", encoding: bar }).map((p) => p.what)).toEqual(["mark: tick"]);
  });

  it("lists conditional encodings, log scales, bins, custom sort orders and unknown aggregates", () => {
    const found = problems({
      mark: "bar",
      encoding: {
        x: { field: "subgenre", type: "nominal", sort: ["zombie", "ghost"] },
        y: { field: "titles", type: "quantitative", aggregate: "q3", scale: { type: "log" } },
        color: { field: "kind", type: "nominal", condition: { param: "pick", value: "red" } },
      },
    });
    expect(found.map((p) => p.what)).toEqual([
      "encoding.y.aggregate",
      "encoding.color.condition",
      "encoding.x.sort",
    ]);
    const logScale = problems({
      mark: "bar",
      encoding: { x: bar.x, y: { ...bar.y, scale: { type: "log" } } },
    });
    expect(logScale).toEqual([
      { chart: "c", what: "encoding.y.scale.type", why: expect.stringContaining("log scale") },
    ]);
    const binned = problems({
      mark: "bar",
      encoding: {
        x: { field: "rating", type: "quantitative", bin: true },
        y: { aggregate: "count", type: "quantitative" },
      },
    });
    expect(binned.map((p) => p.what)).toContain("encoding.x.bin");
  });

  it("lists channels a visual has no well for, fields missing from the data, and constants", () => {
    expect(
      problems({ mark: "bar", encoding: { ...bar, opacity: { field: "votes", type: "quantitative" } } }).map(
        (p) => p.what,
      ),
    ).toEqual(["encoding.opacity"]);
    expect(problems({ mark: "bar", encoding: bar }, { subgenre: "STRING", votes: "INTEGER" })).toEqual([
      {
        chart: "c",
        what: "encoding.y.field",
        why: '"titles" is not a column of the chart\'s data (subgenre, votes).',
      },
    ]);
    expect(problems({ mark: "bar", encoding: { x: bar.x, y: { value: 3 } } }).map((p) => p.what)).toEqual([
      "encoding.x / encoding.y",
    ]);
  });

  it("lets a tooltip pass: QuickSight shows its field wells on hover anyway", () => {
    expect(problems({ mark: "bar", encoding: { ...bar, tooltip: [{ field: "votes" }] } })).toEqual([]);
  });
});
