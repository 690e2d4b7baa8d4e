import { type ChannelForm, type ChartForm, isEmptyChannel, sameChannel } from "./chart-form";
import { fieldType, type SourceColumn } from "./field-type";
import { formFromSpec } from "./form-from-spec";
import { isObject, type Spec, sortChannel, yKeyFor } from "./vega-spec";

/**
 * The spec after the user changed the form: only the parts that differ from what the form read
 * (formFromSpec of `previous`) are rewritten, and a rewritten channel keeps its other properties
 * (scale, format, axis, legend…), so a hand-written spec survives a trip through the builder.
 */
export function specFromForm(previous: Spec, form: ChartForm, columns: readonly SourceColumn[] = []): Spec {
  const spec = structuredClone(previous);
  const encoding: Record<string, unknown> = isObject(spec.encoding) ? { ...spec.encoding } : {};
  const wasMark = formFromSpec(previous).mark;
  if (form.mark !== wasMark) {
    spec.mark = isObject(spec.mark) ? { ...spec.mark, type: form.mark } : form.mark;
    // The measure moves between y and a pie's theta with all its settings.
    const from = yKeyFor(wasMark);
    const to = yKeyFor(form.mark);
    if (from !== to && encoding[from] !== undefined) {
      encoding[to] = encoding[from];
      delete encoding[from];
    }
  }
  const before = formFromSpec({ ...spec, encoding });
  const keys = { x: "x", y: yKeyFor(form.mark), color: "color", facet: "facet" } as const;
  for (const channel of ["x", "y", "color", "facet"] as const) {
    if (sameChannel(form[channel], before[channel])) continue;
    const key = keys[channel];
    const def = channelDef(encoding[key], form[channel], key, columns);
    if (def) encoding[key] = def;
    else delete encoding[key];
  }
  if (form.sort !== before.sort && form.sort !== "as-written") setSort(encoding, form);
  if (Object.keys(encoding).length > 0 || isObject(spec.encoding)) spec.encoding = encoding;
  return spec;
}

const AGGREGATED = "quantitative";

/** The channel as the form says, on top of what it was; null when the form leaves it empty. */
function channelDef(
  previous: unknown,
  form: ChannelForm,
  key: string,
  columns: readonly SourceColumn[],
): Record<string, unknown> | null {
  if (isEmptyChannel(form)) return null;
  const def: Record<string, unknown> = isObject(previous) ? { ...previous } : {};
  const fieldChanged = def.field !== (form.field || undefined);
  if (form.field) def.field = form.field;
  else delete def.field;
  // A title named the old field; a new field gets Vega-Lite's default title.
  if (fieldChanged) delete def.title;
  if (form.aggregate === "none") delete def.aggregate;
  else def.aggregate = form.aggregate;
  def.type = form.aggregate === "none" ? fieldType(form.field, columns, key) : AGGREGATED;
  return def;
}

function setSort(encoding: Record<string, unknown>, form: ChartForm): void {
  const key = sortChannel(encoding, form.mark);
  const def = key ? encoding[key] : undefined;
  if (!key || !isObject(def)) return;
  const next = { ...def };
  if (form.sort === "none") delete next.sort;
  else if (form.sort === "by-value") next.sort = `-${key === "x" ? "y" : "x"}`;
  else next.sort = form.sort;
  encoding[key] = next;
}
