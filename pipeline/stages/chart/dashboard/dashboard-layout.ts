import type { ChartOutput } from "../../../contract";
import { attr, type Notebook, notebookTitle } from "../../../document";
import { isObject } from "../encoding-fields";
import { formatKpi } from "./kpi-format";

/** One chart drawn by Vega-Embed: its spec carries its rows. */
export interface DashboardChart {
  id: string;
  /** A caption when the spec has no title of its own. */
  caption: string | null;
  spec: Record<string, unknown>;
}

/** A big number with a label: a KPI cell's first value, formatted. */
export interface DashboardKpi {
  id: string;
  label: string;
  value: string;
}

/** A Markdown cell and the charts after it, up to the next Markdown cell. */
export interface DashboardSection {
  id: string;
  /** The Markdown cell's text; empty for charts above the first Markdown cell. */
  markdown: string;
  kpis: DashboardKpi[];
  charts: DashboardChart[];
}

export interface Dashboard {
  title: string;
  sections: DashboardSection[];
}

/**
 * The notebook as a dashboard: every Markdown cell opens a section holding the charts below it;
 * sections with neither chart nor KPI (the pipeline's prose) are left out. A chart cell is a KPI
 * tile when it has the `kpi` flag, or when its spec is a lone `text` mark (no x, y or facet).
 */
export function dashboardLayout(notebook: Notebook, outputs: ReadonlyMap<string, ChartOutput>): Dashboard {
  const sections: DashboardSection[] = [];
  let current: DashboardSection = { id: "top", markdown: "", kpis: [], charts: [] };
  for (const cell of notebook.cells) {
    if (cell.kind === "markdown") {
      sections.push(current);
      current = { id: cell.id, markdown: cell.source, kpis: [], charts: [] };
      continue;
    }
    const output = outputs.get(cell.id);
    if (cell.kind !== "chart" || !output) continue;
    const kpi = attr(cell, "kpi") !== undefined || isKpiSpec(output.spec);
    if (kpi) current.kpis.push(kpiTile(cell.id, attr(cell, "label"), output));
    else
      current.charts.push({
        id: cell.id,
        caption: caption(cell.id, attr(cell, "label"), output.spec),
        spec: output.spec,
      });
  }
  sections.push(current);
  return {
    title: notebookTitle(notebook) || "Lakebook dashboard",
    sections: sections.filter((section) => section.kpis.length > 0 || section.charts.length > 0),
  };
}

function isKpiSpec(spec: Record<string, unknown>): boolean {
  const mark = isObject(spec.mark) ? spec.mark.type : spec.mark;
  const encoding = isObject(spec.encoding) ? spec.encoding : {};
  const positional = ["x", "y", "row", "column", "facet", "theta", "latitude", "longitude"];
  return mark === "text" && "text" in encoding && !positional.some((channel) => channel in encoding);
}

/** The value is the text channel's field in the first row; the label its title, else the field. */
function kpiTile(id: string, label: string | undefined, output: ChartOutput): DashboardKpi {
  const encoding = isObject(output.spec.encoding) ? output.spec.encoding : {};
  const text = isObject(encoding.text) ? encoding.text : {};
  const field = typeof text.field === "string" ? text.field.replace(/\\(.)/g, "$1") : undefined;
  const data =
    isObject(output.spec.data) && Array.isArray(output.spec.data.values) ? output.spec.data.values : [];
  const first = isObject(data[0]) ? data[0] : {};
  const value = field === undefined ? undefined : first[field];
  return {
    id,
    label: label || (typeof text.title === "string" ? text.title : undefined) || field || id,
    value: formatKpi(value, typeof text.format === "string" ? text.format : undefined),
  };
}

function caption(id: string, label: string | undefined, spec: Record<string, unknown>): string | null {
  if (label) return label;
  if (spec.title !== undefined) return null;
  const words = id.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
