/** The dashboard's stylesheet: readable on screen and in print, no web fonts (nothing to fetch). */
export const DASHBOARD_CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --line: #e3e3e8; --card: #fff; --page: #f6f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--page); }
header, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
.skipped { border: 1px solid #a2231a; background: #fde9e7; color: #5c130e; border-radius: 8px; padding: 8px 14px; margin: 12px 0; }
h1 { font-size: 28px; margin: 0 0 12px; }
h2, h3, h4, h5, h6 { margin: 24px 0 8px; }
.filters { display: flex; flex-wrap: wrap; gap: 16px; padding: 12px 0; border-bottom: 1px solid var(--line); }
.filters label { display: flex; gap: 8px; align-items: center; font-weight: 600; }
.filters select { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--card); }
.prose { max-width: 75ch; }
.prose code { background: #ececf1; padding: 0 4px; border-radius: 4px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 16px; margin: 16px 0; }
.kpi { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px; }
.kpi-value { font-size: 30px; font-weight: 700; font-variant-numeric: tabular-nums; }
.kpi-label { color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; margin: 16px 0; }
.chart-card { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px; overflow-x: auto; }
.chart-card figcaption { font-weight: 600; margin-bottom: 8px; }
.chart { width: 100%; }
.chart[data-error] { color: #b00020; }
footer { color: var(--muted); font-size: 13px; padding: 24px; }
@media print { body { background: #fff; } .filters { display: none; } .chart-card { break-inside: avoid; } }
`;
