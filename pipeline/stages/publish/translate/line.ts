import type { LineChartType, Visual } from "../../../aws/quicksight/definition-types";
import type { ChartReader } from "./chart-reader";
import { smallMultiples } from "./small-multiples";
import { categorySort } from "./sort";

/**
 * `mark: line` → LineChartVisual (Type LINE); `mark: area` → the same visual with Type AREA, or
 * STACKED_AREA when a color field splits it and Vega-Lite would stack it (its default for areas).
 */
export function lineChartVisual(reader: ChartReader, area: boolean): Visual | undefined {
  const x = reader.channel("x");
  const y = reader.channel("y");
  if (!x || !y || !reader.isMeasure(y) || reader.isMeasure(x)) {
    reader.problem(
      "encoding.x / encoding.y",
      "a line or area chart in QuickSight needs the category (time, year, decade…) on x and a measure on y.",
    );
    return undefined;
  }
  const category = reader.dimension("x", x);
  const value = reader.measure("y", y, x.field);
  const color = reader.channel("color");
  if (color && reader.isMeasure(color)) {
    reader.problem(
      "encoding.color",
      "a color gradient by a measure: QuickSight line colors split by a category only.",
    );
  }
  const colors = color && !reader.isMeasure(color) ? reader.dimension("color", color) : undefined;
  const multiples = smallMultiples(reader);
  const sort = categorySort(reader, "x", "y");
  if (!category || !value) return undefined;
  const stacked = colors !== undefined && y.stack !== null && y.stack !== false;
  const type: LineChartType = !area ? "LINE" : stacked ? "STACKED_AREA" : "AREA";
  return {
    LineChartVisual: {
      VisualId: reader.visualId,
      Title: reader.title(),
      ChartConfiguration: {
        FieldWells: {
          LineChartAggregatedFieldWells: {
            Category: [category],
            Values: [value],
            ...(colors ? { Colors: [colors] } : {}),
            ...(multiples ? { SmallMultiples: multiples } : {}),
          },
        },
        ...(sort ? { SortConfiguration: { CategorySort: sort } } : {}),
        Type: type,
      },
    },
  };
}
