/**
 * What the chart builder edits: the handful of Vega-Lite choices a form can offer. Everything else
 * in the spec (titles, scales, formats, tooltips, params…) is left as written: see spec-from-form.ts.
 */
export const CHART_MARKS = ["bar", "line", "area", "point", "arc", "rect"] as const;
export const AGGREGATES = ["none", "count", "sum", "mean", "median", "min", "max"] as const;
export const SORT_ORDERS = ["none", "ascending", "descending", "by-value"] as const;
export const CHANNELS = ["x", "y", "color", "facet"] as const;

export type ChannelName = (typeof CHANNELS)[number];
/** One of CHART_MARKS, or a mark the form does not offer ("text", "tick"…), kept as written. */
export type ChartMark = string;
/** One of AGGREGATES, or another Vega-Lite aggregate ("distinct", "q1"…), kept as written. */
export type Aggregate = string;
/**
 * How the category axis is ordered; "by-value" = by the other axis, largest first (`"-y"` / `"-x"`).
 * "as-written" stands for a sort the form cannot express (an array, an object): left untouched.
 */
export type SortOrder = (typeof SORT_ORDERS)[number] | "as-written";

export interface ChannelForm {
  /** "" = no field (fine with `count`). */
  field: string;
  aggregate: Aggregate;
}

export interface ChartForm {
  mark: ChartMark;
  x: ChannelForm;
  y: ChannelForm;
  color: ChannelForm;
  facet: ChannelForm;
  sort: SortOrder;
}

export const EMPTY_CHANNEL: ChannelForm = { field: "", aggregate: "none" };

export const isEmptyChannel = (channel: ChannelForm) => channel.field === "" && channel.aggregate === "none";

export const sameChannel = (a: ChannelForm, b: ChannelForm) =>
  a.field === b.field && a.aggregate === b.aggregate;

/**
 * A pie has no x: its slices are the colour and its angle is y (`theta`). Switching to `arc` moves
 * the category from x to colour when colour is free, so a bar chart becomes a sensible pie.
 */
export function withMark(form: ChartForm, mark: ChartMark): ChartForm {
  if (mark !== "arc" || form.mark === "arc") return { ...form, mark };
  const color = isEmptyChannel(form.color) ? form.x : form.color;
  return { ...form, mark, x: EMPTY_CHANNEL, color, sort: "none" };
}
