import type { PublishOutput, PublishStep } from "../../contract";
import type { PublishPlan } from "./plan";
import { PREFLIGHT_CHECKS, type PreflightCheck } from "./preflight";
import type { PublishResult } from "./publish-aws";
import { dataSetText, preflightText } from "./report";

/**
 * The publish as a checklist: the same facts as the text report (`report.ts`), one step per thing
 * QuickSight gets, so the cell can show each with its state instead of sixty lines of text.
 */

function dataSetDetails(plan: PublishPlan, chartId: string): string[] {
  const planned = plan.dataSets.find((d) => d.chartId === chartId);
  if (!planned) return [];
  const { from, columns } = dataSetText(planned);
  return [`Chart ${chartId}: ${from}, ${plan.importMode}`, `Columns from ${planned.columnsFrom}: ${columns}`];
}

function analysisDetails(plan: PublishPlan): string[] {
  return [
    ...plan.visuals.map((v) => `${v.chartId} → ${v.type}`),
    ...plan.untranslatable.map((u) => `Cannot be translated: ${u.chart}: ${u.what}: ${u.why}`),
    ...plan.skipped.map(
      (s) =>
        `Skipped (skip:) ${s.chartId}${s.problems.length ? `: ${s.problems.map((p) => `${p.what}: ${p.why}`).join("; ")}` : ""}`,
    ),
  ];
}

/** What a local target would publish: every step planned, a chart that cannot translate failed. */
export function plannedSteps(plan: PublishPlan): PublishStep[] {
  const blocked = plan.untranslatable.length > 0;
  return [
    {
      kind: "permissions",
      name: "preflight",
      action: "check",
      state: "planned",
      details: PREFLIGHT_CHECKS.map((c) => `${c.check}: ${c.verifies}`),
    },
    {
      kind: "dataSource",
      name: plan.ids.dataSourceId,
      action: "createOrUpdate",
      state: "planned",
      details: ["Amazon Athena"],
    },
    ...plan.dataSets.map(
      (d): PublishStep => ({
        kind: "dataSet",
        name: d.dataSetId,
        action: "createOrUpdate",
        state: "planned",
        details: dataSetDetails(plan, d.chartId),
      }),
    ),
    {
      kind: "analysis",
      name: plan.ids.analysisId,
      action: "createOrUpdate",
      state: blocked ? "failed" : "planned",
      details: analysisDetails(plan),
    },
    {
      kind: "dashboard",
      name: plan.ids.dashboardId,
      action: "createOrUpdate",
      state: blocked ? "failed" : "planned",
      details: [`"${plan.dashboardName}"`],
    },
  ];
}

/** What a publish on AWS did: each step done, with what AWS made of it. */
export function publishedSteps(
  plan: PublishPlan,
  checks: readonly PreflightCheck[],
  result: PublishResult,
): PublishStep[] {
  const { dataSource, analysis, dashboard } = result;
  return [
    {
      kind: "permissions",
      name: "preflight",
      action: "check",
      state: checks.some((c) => !c.ok && !c.manual) ? "failed" : "done",
      details: preflightText(checks),
    },
    {
      kind: "dataSource",
      name: dataSource.arn,
      action: dataSource.action,
      state: "done",
      details: dataSource.repaired ? [`It was ${dataSource.repaired}`] : ["Amazon Athena"],
    },
    ...result.dataSets.map(
      (d): PublishStep => ({
        kind: "dataSet",
        name: d.arn,
        action: d.action,
        state: "done",
        details: [
          ...dataSetDetails(plan, d.chartId),
          ...(d.ingestionId
            ? [
                `SPICE ingestion ${d.ingestionId}${d.loaded ? ` completed${d.loaded.rowsIngested !== undefined ? ` (${d.loaded.rowsIngested} rows)` : ""}` : ""}`,
              ]
            : []),
        ],
      }),
    ),
    {
      kind: "analysis",
      name: analysis.arn,
      action: analysis.action,
      state: "done",
      details: [`${analysis.status}`, ...analysisDetails(plan)],
    },
    {
      kind: "dashboard",
      name: dashboard.arn,
      action: dashboard.action,
      state: "done",
      details: [
        dashboard.action === "created"
          ? "Version 1 is published"
          : `Version ${dashboard.versionNumber} is built and published`,
        dashboard.url,
      ],
    },
  ];
}

/** The cell's output: the checklist, and the text report `lakebook run` prints. */
export function publishOutput(
  plan: PublishPlan,
  fields: { target: PublishOutput["target"]; steps: PublishStep[]; notes: string[]; dashboardUrl?: string },
  text: readonly string[],
): PublishOutput {
  const { dashboardUrl, ...rest } = fields;
  return {
    type: "publish",
    dashboardName: plan.dashboardName,
    ...rest,
    ...(dashboardUrl ? { dashboardUrl } : {}),
    text: text.join("\n"),
  };
}
