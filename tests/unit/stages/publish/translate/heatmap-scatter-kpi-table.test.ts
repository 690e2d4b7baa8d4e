import { describe, expect, it } from "vitest";
import { category, col, sum, title, translate } from "./helpers";

describe("rect → HeatMapVisual", () => {
  it("y → rows, x → columns, color → values", () => {
    const result = translate({
      mark: "rect",
      encoding: {
        x: { field: "decade", type: "ordinal" },
        y: { field: "subgenre", type: "nominal" },
        color: { field: "avg_rating", type: "quantitative", aggregate: "mean" },
      },
    });
    expect(result).toEqual({
      problems: [],
      visual: {
        HeatMapVisual: {
          VisualId: "c-visual",
          Title: title("c"),
          ChartConfiguration: {
            FieldWells: {
              HeatMapAggregatedFieldWells: {
                Rows: [category("y", "subgenre")],
                Columns: [category("x", "decade")],
                Values: [sum("color", "avg_rating", "AVERAGE")],
              },
            },
          },
        },
      },
    });
  });
});

describe("point → ScatterPlotVisual", () => {
  it("plain numbers: one point per row in unaggregated wells, color as category, size as a measure", () => {
    const result = translate(
      {
        mark: "circle",
        encoding: {
          x: { field: "budget", type: "quantitative" },
          y: { field: "revenue", type: "quantitative" },
          color: { field: "kind", type: "nominal" },
          size: { field: "votes", type: "quantitative" },
        },
      },
      { budget: "INTEGER", revenue: "INTEGER", kind: "STRING", votes: "INTEGER" },
    );
    expect(result.visual).toEqual({
      ScatterPlotVisual: {
        VisualId: "c-visual",
        Title: title("c"),
        ChartConfiguration: {
          FieldWells: {
            ScatterPlotUnaggregatedFieldWells: {
              XAxis: [{ NumericalDimensionField: { FieldId: "c-visual-x", Column: col("budget") } }],
              YAxis: [{ NumericalDimensionField: { FieldId: "c-visual-y", Column: col("revenue") } }],
              Category: [category("color", "kind")],
              Size: [sum("size", "votes")],
            },
          },
        },
      },
    });
  });

  it("aggregated x and y: one point per color category", () => {
    const result = translate({
      mark: "point",
      encoding: {
        x: { field: "budget", type: "quantitative", aggregate: "mean" },
        y: { field: "revenue", type: "quantitative", aggregate: "mean" },
        color: { field: "subgenre", type: "nominal" },
      },
    });
    expect(result.visual?.ScatterPlotVisual?.ChartConfiguration?.FieldWells).toEqual({
      ScatterPlotCategoricallyAggregatedFieldWells: {
        XAxis: [sum("x", "budget", "AVERAGE")],
        YAxis: [sum("y", "revenue", "AVERAGE")],
        Category: [category("color", "subgenre")],
      },
    });
  });
});

describe("text → KPIVisual or TableVisual", () => {
  it("a text mark with only text is a single value", () => {
    const result = translate({
      mark: "text",
      title: "Horror titles",
      encoding: { text: { field: "titles", type: "quantitative", aggregate: "sum" } },
    });
    expect(result).toEqual({
      problems: [],
      visual: {
        KPIVisual: {
          VisualId: "c-visual",
          Title: title("Horror titles"),
          ChartConfiguration: { FieldWells: { Values: [sum("text", "titles")] } },
        },
      },
    });
  });

  it("a text mark laid out by categories is a table grouped by them", () => {
    const result = translate({
      mark: "text",
      encoding: {
        y: { field: "subgenre", type: "nominal" },
        x: { field: "kind", type: "nominal" },
        text: { field: "titles", type: "quantitative" },
      },
    });
    expect(result.visual).toEqual({
      TableVisual: {
        VisualId: "c-visual",
        Title: title("c"),
        ChartConfiguration: {
          FieldWells: {
            TableAggregatedFieldWells: {
              GroupBy: [category("y", "subgenre"), category("x", "kind")],
              Values: [sum("text", "titles")],
            },
          },
        },
      },
    });
  });
});
