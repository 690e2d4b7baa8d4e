import { type ChannelForm, type ChartForm, EMPTY_CHANNEL, type SortOrder } from "./chart-form";
import { isObject, markType, type Spec, sortChannel, yKeyFor } from "./vega-spec";

function channelOf(def: unknown): ChannelForm {
  if (!isObject(def)) return EMPTY_CHANNEL;
  return {
    field: typeof def.field === "string" ? def.field : "",
    aggregate: typeof def.aggregate === "string" ? def.aggregate : "none",
  };
}

function sortOf(encoding: Record<string, unknown>, mark: string): SortOrder {
  const key = sortChannel(encoding, mark);
  const def = key ? encoding[key] : undefined;
  if (!key || !isObject(def) || def.sort === undefined || def.sort === null) return "none";
  if (def.sort === "ascending" || def.sort === "descending") return def.sort;
  if (def.sort === `-${key === "x" ? "y" : "x"}`) return "by-value";
  return "as-written";
}

/**
 * The builder's view of a spec: mark, the field and aggregate of x, y (a pie's `theta`), colour and
 * facet, and the category axis's sort. What it cannot show (a `value` channel, an argmax) reads as
 * empty; spec-from-form only rewrites what the user then changes, so nothing is lost.
 */
export function formFromSpec(spec: Spec): ChartForm {
  const mark = markType(spec.mark);
  const encoding = isObject(spec.encoding) ? spec.encoding : {};
  return {
    mark,
    x: channelOf(encoding.x),
    y: channelOf(encoding[yKeyFor(mark)]),
    color: channelOf(encoding.color),
    facet: channelOf(encoding.facet),
    sort: sortOf(encoding, mark),
  };
}
