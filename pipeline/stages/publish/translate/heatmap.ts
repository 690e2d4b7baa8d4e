import type { Visual } from "../../../aws/quicksight/definition-types";
import type { ChartReader } from "./chart-reader";

/** `mark: rect` → HeatMapVisual: y gives the rows, x the columns, the color measure the cell shade. */
export function heatMapVisual(reader: ChartReader): Visual | undefined {
  const x = reader.channel("x");
  const y = reader.channel("y");
  const color = reader.channel("color");
  if (!x || !y || !color || reader.isMeasure(x) || reader.isMeasure(y) || !reader.isMeasure(color)) {
    reader.problem(
      "encoding.x / encoding.y / encoding.color",
      "a heat map in QuickSight needs categories on x and y and a measure on color.",
    );
    return undefined;
  }
  const rows = reader.dimension("y", y);
  const columns = reader.dimension("x", x);
  const value = reader.measure("color", color, x.field);
  if (!rows || !columns || !value) return undefined;
  return {
    HeatMapVisual: {
      VisualId: reader.visualId,
      Title: reader.title(),
      ChartConfiguration: {
        FieldWells: { HeatMapAggregatedFieldWells: { Rows: [rows], Columns: [columns], Values: [value] } },
      },
    },
  };
}
