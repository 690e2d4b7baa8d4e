import type { PublishPlan } from "./plan";
import { PREFLIGHT_CHECKS, type PreflightCheck } from "./preflight";
import type { PublishResult } from "./publish-aws";

/**
 * The publish cell's text output. Students see, beside what was done, the QuickSight console steps
 * the click replaced, so they can do it by hand (and recognise each part in QuickSight).
 */
export const CONSOLE_STEPS_REPLACED = [
  "Sign up for QuickSight, then in Manage QuickSight → Security & permissions allow Amazon Athena and the lake's S3 bucket.",
  "Datasets → New dataset → Athena: name the data source and pick the workgroup (Validate connection → Create data source).",
  "Choose the catalog AwsDataCatalog and the refined database, then a table, or Use custom SQL and paste the chart's SQL.",
  "Pick Import to SPICE or Directly query your data, then Visualize: QuickSight makes an analysis.",
  "For each chart: Add visual, choose its type, drag the fields into the field wells (X axis / Value / Color / Group), set each value's aggregate and the sort.",
  "Arrange and title the visuals on the sheet.",
  "Share → Publish dashboard, and name it; later changes: Publish dashboard → Replace an existing dashboard (a new version).",
  "Share the dashboard, the analysis and the datasets with the users or groups who should see them.",
];

/** Where a chart's dataset reads from, and its columns, as the report and the checklist say them. */
export function dataSetText(planned: PublishPlan["dataSets"][number]): { from: string; columns: string } {
  const { source } = planned.chart;
  const from =
    source.kind === "table"
      ? `RelationalTable AwsDataCatalog.refined.${source.table}`
      : `CustomSql from the SQL cell ${source.cellId} (reads ${source.tables.join(", ")})`;
  const columns = planned.columns.map((c) => `${c.Name} ${c.Type}`).join(", ");
  return { from, columns: columns || "none" };
}

export function planText(plan: PublishPlan): string[] {
  const lines = [
    `Dashboard "${plan.dashboardName}" (${plan.ids.dashboardId}), analysis ${plan.ids.analysisId}, Athena data source ${plan.ids.dataSourceId}.`,
  ];
  lines.push("", "Datasets (one per chart):");
  for (const d of plan.dataSets) {
    const { from, columns } = dataSetText(d);
    lines.push(`- ${d.dataSetId}: ${from}, ${plan.importMode}; columns from ${d.columnsFrom}: ${columns}`);
  }
  lines.push("", "Visuals:");
  for (const v of plan.visuals) lines.push(`- ${v.chartId} → ${v.type}`);
  if (plan.skipped.length > 0) {
    lines.push("", "Skipped (skip:):");
    for (const s of plan.skipped) {
      lines.push(`- ${s.chartId}${s.problems.length ? "" : " (it would translate)"}`);
      for (const p of s.problems) lines.push(`  - ${p.what}: ${p.why}`);
    }
  }
  lines.push(
    "",
    plan.untranslatable.length
      ? "Cannot be translated:"
      : "Nothing in the charts needs leaving out: every encoding translates.",
  );
  for (const u of plan.untranslatable) lines.push(`- ${u.chart}: ${u.what}: ${u.why}`);
  if (plan.notes.length) lines.push("", ...plan.notes.map((n) => `Note: ${n}`));
  return lines;
}

export function preflightText(checks: readonly PreflightCheck[]): string[] {
  return checks.map((c) => {
    if (c.manual) return `? ${c.check}: ${c.fix}`;
    return c.ok
      ? `✓ ${c.check}${c.detail ? `: ${c.detail}` : ""}`
      : `✗ ${c.check}: ${c.problem}\n  Fix: ${c.fix}`;
  });
}

export function preflightPlanText(): string[] {
  return PREFLIGHT_CHECKS.map((c) => `- ${c.check}: ${c.verifies}`);
}

export function resultText(result: PublishResult): string[] {
  const { dashboard, analysis, dataSource } = result;
  const published =
    dashboard.action === "created"
      ? "created; version 1 is published"
      : `updated; version ${dashboard.versionNumber} is built and published`;
  return [
    `Dashboard: ${dashboard.url}`,
    `- dashboard ${dashboard.arn}: ${published}`,
    `- analysis ${analysis.arn}: ${analysis.action} (${analysis.status})`,
    `- data source ${dataSource.arn}: ${dataSource.action}${dataSource.repaired ? ` (it was ${dataSource.repaired})` : ""}`,
    ...result.dataSets.map((d) => `- dataset ${d.arn} (${d.chartId}): ${d.action}${spiceText(d)}`),
  ];
}

function spiceText(d: PublishResult["dataSets"][number]): string {
  if (!d.ingestionId) return "";
  const rows = d.loaded?.rowsIngested;
  const dropped = d.loaded?.rowsDropped ? `, ${d.loaded.rowsDropped} rows dropped` : "";
  return `, SPICE ingestion ${d.ingestionId}${d.loaded ? ` completed${rows !== undefined ? ` (${rows} rows${dropped})` : ""}` : ""}`;
}

export function consoleStepsText(): string[] {
  return [
    "The QuickSight steps this click replaces:",
    ...CONSOLE_STEPS_REPLACED.map((step, i) => `${i + 1}. ${step}`),
  ];
}
