import type { DimensionField, Visual } from "../../../aws/quicksight/definition-types";
import type { ChartReader } from "./chart-reader";

/** The channels a text table lays out as rows and columns, in the order QuickSight groups by them. */
const GROUP_CHANNELS = ["row", "y", "column", "x"] as const;

/**
 * A `text` mark laid out by categories (a text table) → TableVisual: the categories become the
 * group-by columns and the `text` field the value column.
 */
export function tableVisual(reader: ChartReader): Visual | undefined {
  const groupBy: DimensionField[] = [];
  for (const channel of GROUP_CHANNELS) {
    const def = reader.channel(channel);
    if (!def) continue;
    if (reader.isMeasure(def)) {
      reader.problem(
        `encoding.${channel}`,
        "a text table lays out categories on rows and columns; put the measure on text.",
      );
      continue;
    }
    const field = reader.dimension(channel, def);
    if (field) groupBy.push(field);
  }
  const textDef = reader.channel("text");
  if (!textDef) reader.problem("encoding.text", "a text table needs a field on text for its values.");
  const value = reader.measure("text", textDef, reader.channel("y")?.field ?? reader.channel("row")?.field);
  if (!value || groupBy.length === 0) return undefined;
  return {
    TableVisual: {
      VisualId: reader.visualId,
      Title: reader.title(),
      ChartConfiguration: {
        FieldWells: { TableAggregatedFieldWells: { GroupBy: groupBy, Values: [value] } },
      },
    },
  };
}
