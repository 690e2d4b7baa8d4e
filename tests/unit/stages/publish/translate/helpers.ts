import type { InputColumnDataType } from "@aws-sdk/client-quicksight";
import {
  type ChartTranslation,
  translateChart,
  type VegaLiteSpec,
} from "../../../../../pipeline/stages/publish/translate";

/** Translates a spec as chart `c` over dataset `c`; columns as QuickSight types (empty: unknown). */
export function translate(
  spec: VegaLiteSpec,
  columns: Record<string, InputColumnDataType> = {},
): ChartTranslation {
  return translateChart({ chartId: "c", spec, dataSet: "c", columns: new Map(Object.entries(columns)) });
}

export const col = (name: string) => ({ DataSetIdentifier: "c", ColumnName: name });
export const title = (text: string) => ({ Visibility: "VISIBLE", FormatText: { PlainText: text } });
export const sum = (channel: string, field: string, fn = "SUM") => ({
  NumericalMeasureField: {
    FieldId: `c-visual-${channel}`,
    Column: col(field),
    AggregationFunction: { SimpleNumericalAggregation: fn },
  },
});
export const category = (channel: string, field: string) => ({
  CategoricalDimensionField: { FieldId: `c-visual-${channel}`, Column: col(field) },
});
