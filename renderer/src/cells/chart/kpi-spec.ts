import { isObject, type Spec } from "./vega-spec";

/** What the KPI form edits: the one number a card shows, and its caption. */
export interface KpiForm {
  field: string;
  title: string;
}

/** The KPI a spec shows: its `text` channel (the exported dashboard draws that as a card). */
export function kpiFromSpec(spec: Spec): KpiForm {
  const encoding = isObject(spec.encoding) ? spec.encoding : {};
  const text = isObject(encoding.text) ? encoding.text : {};
  return {
    field: typeof text.field === "string" ? text.field : "",
    title: typeof text.title === "string" ? text.title : "",
  };
}

/** A KPI spec: a text mark of one quantitative field; what else the channel says (format…) is kept. */
export function specFromKpi(spec: Spec, form: KpiForm): Spec {
  const encoding = isObject(spec.encoding) ? spec.encoding : {};
  const text = isObject(encoding.text) ? encoding.text : {};
  const { title: _title, ...kept } = text;
  return {
    ...spec,
    mark: "text",
    encoding: {
      text: {
        ...kept,
        field: form.field,
        type: "quantitative",
        ...(form.title ? { title: form.title } : {}),
      },
    },
  };
}
