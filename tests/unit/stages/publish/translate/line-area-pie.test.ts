import { describe, expect, it } from "vitest";
import { category, col, sum, title, translate } from "./helpers";

describe("line and area → LineChartVisual", () => {
  it("line: temporal x with a timeUnit becomes a date dimension with its granularity", () => {
    const result = translate({
      mark: "line",
      encoding: {
        x: { field: "release_date", type: "temporal", timeUnit: "yearmonth" },
        y: { field: "titles", type: "quantitative", aggregate: "sum" },
        color: { field: "kind", type: "nominal" },
      },
    });
    expect(result).toEqual({
      problems: [],
      visual: {
        LineChartVisual: {
          VisualId: "c-visual",
          Title: title("c"),
          ChartConfiguration: {
            FieldWells: {
              LineChartAggregatedFieldWells: {
                Category: [
                  {
                    DateDimensionField: {
                      FieldId: "c-visual-x",
                      Column: col("release_date"),
                      DateGranularity: "MONTH",
                    },
                  },
                ],
                Values: [sum("y", "titles")],
                Colors: [category("color", "kind")],
              },
            },
            Type: "LINE",
          },
        },
      },
    });
  });

  it("area: Type AREA alone, STACKED_AREA when a color splits it", () => {
    const alone = translate({
      mark: "area",
      encoding: { x: { field: "decade", type: "ordinal" }, y: { field: "titles", type: "quantitative" } },
    });
    expect(alone.visual?.LineChartVisual?.ChartConfiguration).toEqual({
      FieldWells: {
        LineChartAggregatedFieldWells: { Category: [category("x", "decade")], Values: [sum("y", "titles")] },
      },
      Type: "AREA",
    });
    const split = translate({
      mark: "area",
      encoding: {
        x: { field: "decade", type: "ordinal" },
        y: { field: "titles", type: "quantitative" },
        color: { field: "kind", type: "nominal" },
      },
    });
    expect(split.visual?.LineChartVisual?.ChartConfiguration?.Type).toBe("STACKED_AREA");
  });
});

describe("arc → PieChartVisual", () => {
  it("theta is the value, color the slices; color sort -theta sorts by the value", () => {
    const result = translate({
      mark: { type: "arc", innerRadius: 40 },
      encoding: {
        theta: { field: "titles", type: "quantitative" },
        color: { field: "kind", type: "nominal", sort: "-theta" },
      },
    });
    expect(result).toEqual({
      problems: [],
      visual: {
        PieChartVisual: {
          VisualId: "c-visual",
          Title: title("c"),
          ChartConfiguration: {
            FieldWells: {
              PieChartAggregatedFieldWells: {
                Category: [category("color", "kind")],
                Values: [sum("theta", "titles")],
              },
            },
            SortConfiguration: {
              CategorySort: [{ FieldSort: { FieldId: "c-visual-theta", Direction: "DESC" } }],
            },
          },
        },
      },
    });
  });

  it("an arc without a color category cannot be a pie", () => {
    const result = translate({ mark: "arc", encoding: { theta: { field: "titles", type: "quantitative" } } });
    expect(result.visual).toBeUndefined();
    expect(result.problems.map((p) => p.what)).toEqual(["encoding.theta / encoding.color"]);
  });
});
