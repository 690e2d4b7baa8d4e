import type { ChartOutput } from "../../../contract";
import type { Notebook } from "../../../document";
import { isObject } from "../encoding-fields";
import { sharedFilters, withFilters } from "./dashboard-filters";
import { dashboardHtml, type SkippedChart } from "./dashboard-html";
import { dashboardLayout } from "./dashboard-layout";
import { vegaScripts } from "./vega-scripts";

export type { DashboardFilter } from "./dashboard-filters";
export type { SkippedChart } from "./dashboard-html";
export type { Dashboard, DashboardChart, DashboardKpi, DashboardSection } from "./dashboard-layout";
export { markdownToHtml } from "./markdown-html";
export { dashboardHtml, dashboardLayout, sharedFilters, withFilters };

export interface BuiltDashboard {
  html: string;
  title: string;
  charts: string[];
  kpis: string[];
  /** Fields with a filter select. */
  filters: string[];
}

/** The notebook's ran charts as one self-contained HTML dashboard. */
export async function buildDashboard(
  notebook: Notebook,
  outputs: ReadonlyMap<string, ChartOutput>,
  source: string,
  skipped: readonly SkippedChart[] = [],
): Promise<BuiltDashboard> {
  const dashboard = dashboardLayout(notebook, outputs);
  const charts = dashboard.sections.flatMap((section) => section.charts);
  const filters = sharedFilters(charts);
  const html = dashboardHtml({
    dashboard,
    filters,
    charts: charts.map((chart) => ({ ...chart, spec: fillCard(withFilters(chart.spec, filters)) })),
    scripts: await vegaScripts(),
    source,
    skipped,
  });
  return {
    html,
    title: dashboard.title,
    charts: charts.map((chart) => chart.id),
    kpis: dashboard.sections.flatMap((section) => section.kpis.map((kpi) => kpi.id)),
    filters: filters.map((filter) => filter.field),
  };
}

/**
 * A single view without a width of its own spans its card; facets and concatenations keep theirs.
 * A discrete y axis gets a fixed height (20 px a row) instead of steps, because Vega-Lite cannot
 * fit a view whose height is counted in steps.
 */
function fillCard(spec: Record<string, unknown>): Record<string, unknown> {
  const composed = ["facet", "repeat", "concat", "hconcat", "vconcat", "layer"].some((key) => key in spec);
  const encoding = isObject(spec.encoding) ? spec.encoding : {};
  const faceted = "row" in encoding || "column" in encoding || "facet" in encoding;
  if (spec.width !== undefined || composed || faceted) return spec;
  const y = isObject(encoding.y) ? encoding.y : undefined;
  const discreteY = y !== undefined && (y.type === "nominal" || y.type === "ordinal") && !y.bin;
  const rows =
    isObject(spec.data) && Array.isArray(spec.data.values) ? spec.data.values.filter(isObject) : [];
  const field = typeof y?.field === "string" ? y.field.replace(/\\(.)/g, "$1") : undefined;
  const categories = field === undefined ? 0 : new Set(rows.map((row) => row[field])).size;
  const height =
    discreteY && spec.height === undefined ? { height: Math.min(600, Math.max(120, categories * 20)) } : {};
  return {
    ...spec,
    width: "container",
    ...height,
    autosize: spec.autosize ?? { type: "fit-x", contains: "padding" },
  };
}
