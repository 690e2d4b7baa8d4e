import type { DimensionField } from "../../../aws/quicksight/definition-types";
import type { ChartReader } from "./chart-reader";

/** `facet`, `row` or `column` as QuickSight's small multiples: one panel per value, one field only. */
export function smallMultiples(reader: ChartReader): DimensionField[] | undefined {
  const channels = ["facet", "row", "column"].filter((name) => reader.encoding[name] !== undefined);
  if (channels.length === 0) return undefined;
  if (channels.length > 1) {
    reader.problem(
      `encoding.${channels.join(" + encoding.")}`,
      "QuickSight's small multiples split by one field; a grid by two fields has no equivalent.",
    );
    return undefined;
  }
  const channel = channels[0] ?? "facet";
  const field = reader.dimension(channel, reader.channel(channel));
  return field ? [field] : undefined;
}
