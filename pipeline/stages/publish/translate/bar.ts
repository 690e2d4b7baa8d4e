import type { BarsArrangement, Visual } from "../../../aws/quicksight/definition-types";
import type { ChartReader } from "./chart-reader";
import { smallMultiples } from "./small-multiples";
import { categorySort } from "./sort";

/**
 * `mark: bar` → BarChartVisual. The category sits on the non-quantitative axis: a nominal y makes
 * the bars horizontal. A color field splits the bars, stacked as Vega-Lite stacks them by default
 * (`stack: null` clusters them side by side, `stack: "normalize"` makes them percentages).
 */
export function barChartVisual(reader: ChartReader): Visual | undefined {
  const x = reader.channel("x");
  const y = reader.channel("y");
  const horizontal = reader.isMeasure(x) && !reader.isMeasure(y);
  const [categoryChannel, measureChannel] = horizontal ? ["y", "x"] : ["x", "y"];
  const categoryDef = reader.channel(categoryChannel);
  const measureDef = reader.channel(measureChannel);
  if (!categoryDef || !measureDef || reader.isMeasure(categoryDef) || !reader.isMeasure(measureDef)) {
    reader.problem(
      "encoding.x / encoding.y",
      "a bar chart in QuickSight needs one category axis and one measure axis (a field with a number to aggregate).",
    );
    return undefined;
  }
  const category = reader.dimension(categoryChannel, categoryDef);
  const value = reader.measure(measureChannel, measureDef, categoryDef.field);
  const color = reader.channel("color");
  if (color && reader.isMeasure(color)) {
    reader.problem(
      "encoding.color",
      "a color gradient by a measure: QuickSight bar colors split by a category only.",
    );
  }
  const colors = color && !reader.isMeasure(color) ? reader.dimension("color", color) : undefined;
  const multiples = smallMultiples(reader);
  const sort = categorySort(reader, categoryChannel, measureChannel);
  if (!category || !value) return undefined;
  return {
    BarChartVisual: {
      VisualId: reader.visualId,
      Title: reader.title(),
      ChartConfiguration: {
        FieldWells: {
          BarChartAggregatedFieldWells: {
            Category: [category],
            Values: [value],
            ...(colors ? { Colors: [colors] } : {}),
            ...(multiples ? { SmallMultiples: multiples } : {}),
          },
        },
        ...(sort ? { SortConfiguration: { CategorySort: sort } } : {}),
        Orientation: horizontal ? "HORIZONTAL" : "VERTICAL",
        ...(colors ? { BarsArrangement: arrangement(measureDef.stack) } : {}),
      },
    },
  };
}

function arrangement(stack: unknown): BarsArrangement {
  if (stack === null || stack === false) return "CLUSTERED";
  if (stack === "normalize") return "STACKED_PERCENT";
  return "STACKED";
}
