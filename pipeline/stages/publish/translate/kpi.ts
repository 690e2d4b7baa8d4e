import type { Visual } from "../../../aws/quicksight/definition-types";
import type { ChartReader } from "./chart-reader";

/** A `text` mark with only a `text` channel shows one number: QuickSight's KPIVisual. */
export function kpiVisual(reader: ChartReader): Visual | undefined {
  const value = reader.measure("text", reader.channel("text"));
  if (!value) {
    if (!reader.channel("text"))
      reader.problem("encoding.text", "a single-value chart needs a field on text.");
    return undefined;
  }
  return {
    KPIVisual: {
      VisualId: reader.visualId,
      Title: reader.title(),
      ChartConfiguration: { FieldWells: { Values: [value] } },
    },
  };
}
