import type { FieldSortOptions } from "../../../aws/quicksight/definition-types";
import type { ChartReader } from "./chart-reader";

/**
 * A category channel's `sort` as QuickSight's CategorySort: by the category itself
 * ("ascending"/"descending") or by the measure ("-x", {encoding: "x"}, {field, order}).
 * A custom order (an array) has no QuickSight equivalent and is reported.
 */
export function categorySort(
  reader: ChartReader,
  categoryChannel: string,
  measureChannel: string,
): FieldSortOptions[] | undefined {
  const sort = reader.channel(categoryChannel)?.sort;
  if (sort === undefined || sort === null) return undefined;
  const byCategory = (descending: boolean) => options(reader.fieldId(categoryChannel), descending);
  const byMeasure = (descending: boolean) => options(reader.fieldId(measureChannel), descending);
  if (sort === "ascending" || sort === "descending") return byCategory(sort === "descending");
  if (typeof sort === "string") {
    const channel = sort.replace(/^-/, "");
    if (channel === measureChannel) return byMeasure(sort.startsWith("-"));
    if (channel === categoryChannel) return byCategory(sort.startsWith("-"));
  } else if (typeof sort === "object" && !Array.isArray(sort)) {
    const { encoding, field, order } = sort as { encoding?: string; field?: string; order?: string };
    const descending = order === "descending";
    if (encoding === measureChannel) return byMeasure(descending);
    if (field !== undefined && field === reader.channel(measureChannel)?.field) return byMeasure(descending);
    if (field !== undefined && field === reader.channel(categoryChannel)?.field)
      return byCategory(descending);
  }
  reader.problem(
    `encoding.${categoryChannel}.sort`,
    Array.isArray(sort)
      ? "a custom order of categories: QuickSight sorts by a field, ascending or descending."
      : `QuickSight sorts only by the category or the chart's measure, not by ${JSON.stringify(sort)}.`,
  );
  return undefined;
}

function options(fieldId: string, descending: boolean): FieldSortOptions[] {
  return [{ FieldSort: { FieldId: fieldId, Direction: descending ? "DESC" : "ASC" } }];
}
