import { createHash } from "node:crypto";
import { BOOT_SCRIPT } from "./dashboard-boot";
import type { DashboardFilter } from "./dashboard-filters";
import type { Dashboard, DashboardChart, DashboardKpi, DashboardSection } from "./dashboard-layout";
import { DASHBOARD_CSS } from "./dashboard-style";
import { escapeHtml, markdownToHtml } from "./markdown-html";
import type { VegaScripts } from "./vega-scripts";

export interface DashboardHtmlInput {
  dashboard: Dashboard;
  filters: readonly DashboardFilter[];
  /** Specs as drawn: filters' params and transforms already added. */
  charts: readonly DashboardChart[];
  scripts: VegaScripts;
  /** The notebook's file name, for the footer. */
  source: string;
  /** Charts that failed and were left out (the UI's export skips them rather than failing whole). */
  skipped?: readonly SkippedChart[];
}

export interface SkippedChart {
  id: string;
  message: string;
}

/**
 * One HTML file that draws the dashboard with nothing but itself: the Vega builds and the data are
 * inline, and the CSP allows exactly these scripts (by hash), inline styles and data: images — no
 * fetch, no eval, no other origin.
 */
/** Charts left out because they failed: said at the top, so the page never looks complete when it is not. */
function skippedHtml(skipped: readonly SkippedChart[]): string {
  if (skipped.length === 0) return "";
  const items = skipped.map((s) => `<li><b>${escapeHtml(s.id)}</b>: ${escapeHtml(s.message)}</li>`);
  return `<aside class="skipped" role="note"><p>Charts left out because they failed:</p><ul>${items.join("")}</ul></aside>`;
}

export function dashboardHtml(input: DashboardHtmlInput): string {
  const { dashboard, filters, charts, scripts } = input;
  const inlineScripts = [
    scripts.vega,
    scripts.vegaLite,
    scripts.vegaEmbed,
    scripts.interpreter,
    BOOT_SCRIPT,
  ].map(scriptText);
  const hashes = inlineScripts.map(
    (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`,
  );
  const csp = [
    "default-src 'none'",
    `script-src ${hashes.join(" ")}`,
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; "); // only quotes, keywords and base64 hashes: safe in a double-quoted attribute as is
  const data = JSON.stringify(charts.map(({ id, spec }) => ({ id, spec }))).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="lakebook-skipped-charts" content="${escapeHtml((input.skipped ?? []).map((s) => s.id).join(" "))}">
<title>${escapeHtml(dashboard.title)}</title>
<style>${DASHBOARD_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(dashboard.title)}</h1>
${filtersHtml(filters)}
</header>
${skippedHtml(input.skipped ?? [])}
<main>
${dashboard.sections.map(sectionHtml).join("\n")}
</main>
<footer>Exported by Lakebook from ${escapeHtml(input.source)}. Opens offline: the charts' data and the Vega libraries are inside this file.</footer>
<script type="application/json" id="dashboard-charts">${data}</script>
${inlineScripts.map((text) => `<script>${text}</script>`).join("\n")}
</body>
</html>
`;
}

/** `</script` or `<!--` inside a script would end or confuse the element: escape both (same meaning in JS). */
function scriptText(script: string): string {
  return script.replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "<\\!--");
}

function filtersHtml(filters: readonly DashboardFilter[]): string {
  if (filters.length === 0) return "";
  const selects = filters.map(
    (f) =>
      `<label>${escapeHtml(f.field)} <select id="${escapeHtml(f.elementId)}"><option value="">All</option>${f.values
        .map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`)
        .join("")}</select></label>`,
  );
  return `<div class="filters" role="group" aria-label="Filters">${selects.join("\n")}</div>`;
}

function sectionHtml(section: DashboardSection): string {
  const prose = section.markdown ? `<div class="prose">${markdownToHtml(section.markdown)}</div>` : "";
  const kpis = section.kpis.length ? `<div class="kpis">${section.kpis.map(kpiHtml).join("")}</div>` : "";
  const charts = section.charts.length
    ? `<div class="charts">${section.charts.map(chartHtml).join("\n")}</div>`
    : "";
  return `<section id="section-${escapeHtml(section.id)}">\n${prose}\n${kpis}\n${charts}\n</section>`;
}

function kpiHtml(kpi: DashboardKpi): string {
  return `<div class="kpi" id="kpi-${escapeHtml(kpi.id)}"><div class="kpi-value">${escapeHtml(kpi.value)}</div><div class="kpi-label">${escapeHtml(kpi.label)}</div></div>`;
}

function chartHtml(chart: DashboardChart): string {
  const caption = chart.caption ? `<figcaption>${escapeHtml(chart.caption)}</figcaption>` : "";
  return `<figure class="chart-card">${caption}<div class="chart" id="chart-${escapeHtml(chart.id)}" data-chart="${escapeHtml(chart.id)}"></div></figure>`;
}
