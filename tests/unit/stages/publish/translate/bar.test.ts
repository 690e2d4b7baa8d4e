import { describe, expect, it } from "vitest";
import { category, sum, title, translate } from "./helpers";

describe("bar → BarChartVisual", () => {
  it("translates the demo chart: nominal y makes horizontal bars, sort -x sorts by the measure descending", () => {
    const result = translate(
      {
        mark: "bar",
        encoding: {
          x: { field: "avg_rating", type: "quantitative", title: "Average rating" },
          y: { field: "subgenre", type: "nominal", sort: "-x" },
        },
      },
      { subgenre: "STRING", titles: "INTEGER", avg_rating: "DECIMAL", votes: "INTEGER" },
    );
    expect(result).toEqual({
      problems: [],
      visual: {
        BarChartVisual: {
          VisualId: "c-visual",
          Title: title("c"),
          ChartConfiguration: {
            FieldWells: {
              BarChartAggregatedFieldWells: {
                Category: [category("y", "subgenre")],
                Values: [sum("x", "avg_rating")],
              },
            },
            SortConfiguration: {
              CategorySort: [{ FieldSort: { FieldId: "c-visual-x", Direction: "DESC" } }],
            },
            Orientation: "HORIZONTAL",
          },
        },
      },
    });
  });

  it("stacks by a color field, maps mean to AVERAGE, a numeric category to a numerical dimension", () => {
    const result = translate(
      {
        mark: { type: "bar" },
        title: "Votes by decade",
        encoding: {
          x: { field: "decade", type: "ordinal", sort: "ascending" },
          y: { field: "votes", type: "quantitative", aggregate: "mean" },
          color: { field: "kind", type: "nominal" },
        },
      },
      { decade: "INTEGER", votes: "INTEGER", kind: "STRING" },
    );
    expect(result.visual).toEqual({
      BarChartVisual: {
        VisualId: "c-visual",
        Title: title("Votes by decade"),
        ChartConfiguration: {
          FieldWells: {
            BarChartAggregatedFieldWells: {
              Category: [
                {
                  NumericalDimensionField: {
                    FieldId: "c-visual-x",
                    Column: { DataSetIdentifier: "c", ColumnName: "decade" },
                  },
                },
              ],
              Values: [sum("y", "votes", "AVERAGE")],
              Colors: [category("color", "kind")],
            },
          },
          SortConfiguration: { CategorySort: [{ FieldSort: { FieldId: "c-visual-x", Direction: "ASC" } }] },
          Orientation: "VERTICAL",
          BarsArrangement: "STACKED",
        },
      },
    });
  });

  it("clusters with stack: null, and puts a facet into small multiples", () => {
    const result = translate({
      mark: "bar",
      encoding: {
        x: { field: "subgenre", type: "nominal" },
        y: { field: "titles", type: "quantitative", stack: null },
        color: { field: "kind", type: "nominal" },
        facet: { field: "decade", type: "nominal" },
      },
    });
    const config = result.visual?.BarChartVisual?.ChartConfiguration;
    expect(config?.BarsArrangement).toBe("CLUSTERED");
    expect(config?.FieldWells?.BarChartAggregatedFieldWells?.SmallMultiples).toEqual([
      category("facet", "decade"),
    ]);
  });

  it("counts the category for a field-less count", () => {
    const result = translate({
      mark: "bar",
      encoding: { x: { field: "kind", type: "nominal" }, y: { aggregate: "count", type: "quantitative" } },
    });
    expect(
      result.visual?.BarChartVisual?.ChartConfiguration?.FieldWells?.BarChartAggregatedFieldWells?.Values,
    ).toEqual([
      {
        CategoricalMeasureField: {
          FieldId: "c-visual-y",
          Column: { DataSetIdentifier: "c", ColumnName: "kind" },
          AggregationFunction: "COUNT",
        },
      },
    ]);
  });
});
