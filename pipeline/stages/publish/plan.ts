import { type PublishIds, publishIds } from "../../aws/quicksight";
import type { InputColumn, Visual } from "../../aws/quicksight/definition-types";
import { LakebookError } from "../../contract";
import type { PublishChart } from "./charts";
import type { DeclaredColumns } from "./columns";
import type { PublishSettings } from "./settings";
import { translateChart, type Untranslatable } from "./translate";

/** One dataset to create or update: one per chart, named after it. */
export interface PlannedDataSet {
  chartId: string;
  dataSetId: string;
  name: string;
  chart: PublishChart;
  columns: InputColumn[];
  columnsFrom: string;
}

export interface PlannedVisual {
  chartId: string;
  /** BarChartVisual, PieChartVisual, …: the key of the one visual type set. */
  type: string;
  visual: Visual;
}

/** Everything a publish will send, worked out before any AWS call. */
export interface PublishPlan {
  dashboardName: string;
  ids: Omit<PublishIds, "dataSetId">;
  importMode: PublishSettings["importMode"];
  dataSets: PlannedDataSet[];
  visuals: PlannedVisual[];
  /** What could not be translated in the charts that publish (empty, or the plan is refused). */
  untranslatable: Untranslatable[];
  /** Charts left out with `skip`, and what stood in their way, if anything. */
  skipped: { chartId: string; problems: Untranslatable[] }[];
  notes: string[];
}

export interface PlanInput {
  settings: PublishSettings;
  /** The notebook's file name or title: the prefix of every id. */
  notebookName: string;
  charts: PublishChart[];
  columns: ReadonlyMap<string, DeclaredColumns>;
}

/** The course asks for at least three chart types on the dashboard. */
export const COURSE_CHART_TYPES = 3;

export function buildPublishPlan(input: PlanInput): PublishPlan {
  const { settings } = input;
  const ids = publishIds(input.notebookName, settings.dashboard);
  const skip = new Set(settings.skip);
  const dataSets: PlannedDataSet[] = [];
  const visuals: PlannedVisual[] = [];
  const untranslatable: Untranslatable[] = [];
  const skipped: PublishPlan["skipped"] = [];
  for (const chart of input.charts) {
    const declared = input.columns.get(chart.chartId) ?? { columns: [], from: "nowhere" };
    const translation = translateChart({
      chartId: chart.chartId,
      spec: chart.spec,
      dataSet: chart.chartId,
      columns: new Map(declared.columns.map((c) => [c.Name ?? "", c.Type ?? "STRING"])),
    });
    if (skip.has(chart.chartId)) {
      skipped.push({ chartId: chart.chartId, problems: translation.problems });
      continue;
    }
    untranslatable.push(...translation.problems);
    if (!translation.visual) continue;
    const dataSetId = ids.dataSetId(chart.chartId);
    dataSets.push({
      chartId: chart.chartId,
      dataSetId,
      name: `${settings.dashboard} – ${chart.chartId}`,
      chart,
      columns: declared.columns,
      columnsFrom: declared.from,
    });
    visuals.push({
      chartId: chart.chartId,
      type: Object.keys(translation.visual)[0] ?? "Visual",
      visual: translation.visual,
    });
  }
  const notes: string[] = [];
  const types = new Set(visuals.map((v) => v.type));
  if (types.size < COURSE_CHART_TYPES) {
    notes.push(
      `The course asks for at least ${COURSE_CHART_TYPES} chart types; this dashboard has ${types.size}` +
        `${types.size ? ` (${[...types].join(", ")})` : ""}: add chart cells of other kinds (bar, line, arc, rect, point, text) to charts:.`,
    );
  }
  const { dataSetId: _perChart, ...fixedIds } = ids;
  return {
    dashboardName: settings.dashboard,
    ids: fixedIds,
    importMode: settings.importMode,
    dataSets,
    visuals,
    untranslatable,
    skipped,
    notes,
  };
}

/** Refuses a plan that would publish charts QuickSight cannot show as drawn, before any call. */
export function assertTranslatable(plan: PublishPlan): void {
  if (plan.untranslatable.length > 0) {
    const lines = plan.untranslatable.map((u) => `- ${u.chart}: ${u.what}: ${u.why}`);
    const charts = [...new Set(plan.untranslatable.map((u) => u.chart))];
    throw new LakebookError(
      "PUBLISH_UNTRANSLATABLE",
      `Nothing was sent: ${lines.length === 1 ? "one part" : `${lines.length} parts`} of the charts cannot be translated to QuickSight:\n${lines.join("\n")}`,
      {
        hint: `Change the chart cells as said, or leave them out with skip: [${charts.join(", ")}] in the publish cell.`,
      },
    );
  }
  if (plan.visuals.length === 0) {
    throw new LakebookError("PUBLISH_NOTHING", "Nothing to publish: every chart is skipped.", {
      hint: "Name at least one chart in charts: that is not in skip:.",
    });
  }
}
