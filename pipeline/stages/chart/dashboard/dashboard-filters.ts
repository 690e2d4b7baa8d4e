import { isObject } from "../encoding-fields";
import type { DashboardChart } from "./dashboard-layout";

/** A select above the charts, bound to one Vega-Lite param in every chart whose rows hold the field. */
export interface DashboardFilter {
  field: string;
  /** The param's name in each spec: an identifier Vega accepts. */
  param: string;
  /** The select's element id; the params bind to it (`bind: {element: "#…"}`). */
  elementId: string;
  /** Distinct values as text, sorted; "" (All) is the first option. */
  values: string[];
}

/** More options than this make a select useless; such a field gets no filter. */
const MAX_OPTIONS = 60;

/**
 * Filters for the fields a dashboard's charts share: a field charted as a discrete (nominal or
 * ordinal) channel that is a column of at least two charts' rows. Filtering happens on the rows
 * each chart received, so it filters groups, never re-aggregates them.
 */
export function sharedFilters(charts: readonly DashboardChart[]): DashboardFilter[] {
  const charted = new Map<string, number>();
  const discrete = new Set<string>();
  for (const chart of charts) {
    const columns = rowColumns(chart.spec);
    for (const column of columns) charted.set(column, (charted.get(column) ?? 0) + 1);
    for (const def of encodingDefs(chart.spec)) {
      const field = typeof def.field === "string" ? def.field.replace(/\\(.)/g, "$1") : undefined;
      if (field && (def.type === "nominal" || def.type === "ordinal") && columns.has(field))
        discrete.add(field);
    }
  }
  const filters: DashboardFilter[] = [];
  for (const field of discrete) {
    if ((charted.get(field) ?? 0) < 2) continue;
    const values = new Set<string>();
    for (const chart of charts)
      for (const row of rows(chart.spec)) if (row[field] != null) values.add(String(row[field]));
    if (values.size < 2 || values.size > MAX_OPTIONS) continue;
    const slug = field.replace(/[^A-Za-z0-9_]/g, "_");
    filters.push({
      field,
      param: `filter_${slug}`,
      elementId: `filter-${slug}`,
      values: [...values].sort((a, b) => a.localeCompare(b, "en", { numeric: true })),
    });
  }
  return filters;
}

/**
 * The spec with each filter whose field its rows hold: a param bound to the shared select and a
 * filter transform ahead of the spec's own ("" means All).
 */
export function withFilters(
  spec: Record<string, unknown>,
  filters: readonly DashboardFilter[],
): Record<string, unknown> {
  const columns = rowColumns(spec);
  const mine = filters.filter((filter) => columns.has(filter.field));
  if (mine.length === 0) return spec;
  const params = mine.map((f) => ({ name: f.param, value: "", bind: { element: `#${f.elementId}` } }));
  const transforms = mine.map((f) => ({
    filter: `${f.param} === '' || toString(datum[${JSON.stringify(f.field)}]) === ${f.param}`,
  }));
  return {
    ...spec,
    params: [...(Array.isArray(spec.params) ? spec.params : []), ...params],
    transform: [...transforms, ...(Array.isArray(spec.transform) ? spec.transform : [])],
  };
}

function rows(spec: Record<string, unknown>): Record<string, unknown>[] {
  const values = isObject(spec.data) ? spec.data.values : undefined;
  return Array.isArray(values) ? values.filter(isObject) : [];
}

function rowColumns(spec: Record<string, unknown>): Set<string> {
  return new Set(Object.keys(rows(spec)[0] ?? {}));
}

function encodingDefs(spec: Record<string, unknown>): Record<string, unknown>[] {
  const encoding = isObject(spec.encoding) ? spec.encoding : {};
  return Object.values(encoding)
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .filter(isObject);
}
