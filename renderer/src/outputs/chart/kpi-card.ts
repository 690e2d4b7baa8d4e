import type { Locale } from "../../i18n";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A lone `text` mark with a `text` channel and no axis: one number, drawn as a card. */
export function isKpiSpec(spec: Record<string, unknown>): boolean {
  const mark = isObject(spec.mark) ? spec.mark.type : spec.mark;
  const encoding = isObject(spec.encoding) ? spec.encoding : {};
  const positional = ["x", "y", "row", "column", "facet", "theta", "latitude", "longitude"];
  return mark === "text" && "text" in encoding && !positional.some((channel) => channel in encoding);
}

/**
 * The card's caption and number, as the exported dashboard shows them: the text channel's field in
 * the first row (or the row's first number, when the engine named an aggregate differently), its
 * title or field as the caption, `.Nf`/`,`/`%` of its format, in the user's language.
 */
export function kpiCard(spec: Record<string, unknown>, locale: Locale): { caption: string; value: string } {
  const encoding = isObject(spec.encoding) ? spec.encoding : {};
  const text = isObject(encoding.text) ? encoding.text : {};
  const field = typeof text.field === "string" ? text.field.replace(/\\(.)/g, "$1") : "";
  const rows = isObject(spec.data) && Array.isArray(spec.data.values) ? spec.data.values : [];
  const first = isObject(rows[0]) ? rows[0] : {};
  const raw = field in first ? first[field] : Object.values(first).find((v) => typeof v === "number");
  const caption = typeof text.title === "string" ? text.title : field;
  return { caption, value: formatted(raw, typeof text.format === "string" ? text.format : "", locale) };
}

function formatted(value: unknown, format: string, locale: Locale): string {
  if (value === null || value === undefined) return "—";
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  if (Number.isNaN(number)) return String(value);
  const parts = /^(\$)?(,)?(?:\.(\d+))?([fd%])?$/.exec(format);
  const digits = parts?.[3] !== undefined ? Number(parts[3]) : parts?.[4] === "d" ? 0 : undefined;
  const percent = parts?.[4] === "%";
  return new Intl.NumberFormat(locale, {
    ...(percent ? { style: "percent" } : {}),
    ...(parts?.[1] ? { style: "currency", currency: "USD" } : {}),
    ...(digits !== undefined
      ? { minimumFractionDigits: digits, maximumFractionDigits: digits }
      : { maximumFractionDigits: 2 }),
  }).format(number);
}

/**
 * A single view without a width of its own spans its cell (Vega-Lite's small default left most of
 * the cell empty); facets, concatenations and layers keep theirs.
 */
export function fitToCell(spec: Record<string, unknown>): Record<string, unknown> {
  const composed = ["facet", "repeat", "concat", "hconcat", "vconcat", "layer"].some((key) => key in spec);
  const encoding = isObject(spec.encoding) ? spec.encoding : {};
  const faceted = "row" in encoding || "column" in encoding || "facet" in encoding;
  if (spec.width !== undefined || composed || faceted) return spec;
  return { ...spec, width: "container", autosize: spec.autosize ?? { type: "fit-x", contains: "padding" } };
}
