import type { Visual } from "../../../aws/quicksight/definition-types";
import type { ChartReader } from "./chart-reader";
import { smallMultiples } from "./small-multiples";
import { categorySort } from "./sort";

/** `mark: arc` → PieChartVisual: `theta` is the slice size, `color` the category that makes the slices. */
export function pieChartVisual(reader: ChartReader): Visual | undefined {
  const theta = reader.channel("theta");
  const color = reader.channel("color");
  if (!theta || !color || reader.isMeasure(color)) {
    reader.problem(
      "encoding.theta / encoding.color",
      "a pie chart in QuickSight needs a measure on theta and a category on color.",
    );
    return undefined;
  }
  const value = reader.measure("theta", theta, color.field);
  const category = reader.dimension("color", color);
  const multiples = smallMultiples(reader);
  const sort = categorySort(reader, "color", "theta");
  if (!category || !value) return undefined;
  return {
    PieChartVisual: {
      VisualId: reader.visualId,
      Title: reader.title(),
      ChartConfiguration: {
        FieldWells: {
          PieChartAggregatedFieldWells: {
            Category: [category],
            Values: [value],
            ...(multiples ? { SmallMultiples: multiples } : {}),
          },
        },
        ...(sort ? { SortConfiguration: { CategorySort: sort } } : {}),
      },
    },
  };
}
