import type { Visual } from "../../../aws/quicksight/definition-types";
import type { ChartReader } from "./chart-reader";

/**
 * `mark: point` (or circle, square) → ScatterPlotVisual. Plain numbers on x and y are one point per
 * row (unaggregated wells); aggregated x and y are one point per color category (aggregated wells).
 */
export function scatterPlotVisual(reader: ChartReader): Visual | undefined {
  const x = reader.channel("x");
  const y = reader.channel("y");
  if (!x || !y || !isNumber(x) || !isNumber(y)) {
    reader.problem(
      "encoding.x / encoding.y",
      "a scatter plot in QuickSight needs numbers on both axes; a dot plot over categories is a bar chart there.",
    );
    return undefined;
  }
  const color = reader.channel("color");
  if (color && reader.isMeasure(color)) {
    reader.problem(
      "encoding.color",
      "a color gradient by a measure: QuickSight colors points by a category only.",
    );
  }
  const category = color && !reader.isMeasure(color) ? reader.dimension("color", color) : undefined;
  const sizeDef = reader.channel("size");
  const size = sizeDef ? reader.measure("size", sizeDef) : undefined;
  const base = { VisualId: reader.visualId, Title: reader.title() };
  const extras = { ...(category ? { Category: [category] } : {}), ...(size ? { Size: [size] } : {}) };
  if (x.aggregate || y.aggregate) {
    if (!category) {
      reader.problem(
        "encoding.color",
        "aggregated x and y need a color category: QuickSight draws one point per category.",
      );
    }
    const xMeasure = reader.measure("x", x);
    const yMeasure = reader.measure("y", y);
    if (!xMeasure || !yMeasure || !category) return undefined;
    return {
      ScatterPlotVisual: {
        ...base,
        ChartConfiguration: {
          FieldWells: {
            ScatterPlotCategoricallyAggregatedFieldWells: { XAxis: [xMeasure], YAxis: [yMeasure], ...extras },
          },
        },
      },
    };
  }
  const xAxis = reader.dimension("x", x);
  const yAxis = reader.dimension("y", y);
  if (!xAxis || !yAxis) return undefined;
  return {
    ScatterPlotVisual: {
      ...base,
      ChartConfiguration: {
        FieldWells: { ScatterPlotUnaggregatedFieldWells: { XAxis: [xAxis], YAxis: [yAxis], ...extras } },
      },
    },
  };
}

function isNumber(def: { type?: string; aggregate?: string }): boolean {
  return def.type === "quantitative" || def.aggregate !== undefined;
}
