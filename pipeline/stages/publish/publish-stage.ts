import { basename } from "node:path";
import { realSleep, type Sleep } from "../../aws/quicksight";
import { LakebookError } from "../../contract";
import type { Stage, StageContext } from "../stage";
import { findCharts } from "./charts";
import { plannedSteps, publishedSteps, publishOutput } from "./checklist";
import { type PublishClientFactory, publishClientsOf } from "./clients";
import { columnsOnAws, type DeclaredColumns, declaredColumns } from "./columns";
import { assertTranslatable, buildPublishPlan } from "./plan";
import { assertPreflight, publishPlan, runPreflight } from "./publish-aws";
import { consoleStepsText, planText, preflightPlanText, preflightText, resultText } from "./report";
import { importModeNote, parsePublishSettings, publishPrincipal } from "./settings";

export interface PublishStageOptions {
  /** Builds the AWS clients for a target; tests pass mocked ones. */
  clients?: PublishClientFactory;
  /** Waiting between status polls; tests pass one that returns at once. */
  sleep?: Sleep;
}

/**
 * The publish cell: its charts → QuickSight. Everything that can go wrong without AWS (settings,
 * chart sources outside REFINED, encodings QuickSight cannot show) is found before the first call.
 * On a local target it calls nothing and shows the plan; on AWS: preflight → publish → poll.
 */
export function createPublishStage(options: PublishStageOptions = {}): Stage {
  return {
    run: async (cell, context) => {
      const settings = parsePublishSettings(cell);
      const charts = findCharts(context.notebook, settings.charts);
      const columns = new Map<string, DeclaredColumns>();
      for (const chart of charts) {
        columns.set(
          chart.chartId,
          await declaredColumns(chart, context.catalog, context.engine, context.signal),
        );
      }
      const plan = buildPublishPlan({ settings, notebookName: notebookName(context), charts, columns });
      const principal = publishPrincipal(settings, context.target);
      const { target } = context;
      if (target.kind !== "aws") {
        const text = [
          "Local target: nothing is sent to AWS. On an AWS target this cell would publish:",
          "",
          ...planText(plan),
          "",
          importModeNote(plan.importMode),
          ...(principal
            ? []
            : ["", "Owner: none named yet; set quicksightUser in the AWS target or user: in this cell."]),
          "",
          "Before publishing, the permissions doctor would check:",
          ...preflightPlanText(),
          "",
          ...consoleStepsText(),
        ];
        const blocked =
          plan.untranslatable.length > 0 ? `, ${plan.untranslatable.length} untranslatable` : "";
        const notes = [
          importModeNote(plan.importMode),
          ...(principal
            ? []
            : ["Owner: none named yet; set quicksightUser in the AWS target or user: in this cell."]),
          ...plan.notes,
        ];
        return {
          summary: `Plan: ${plan.visuals.length} visuals, ${plan.dataSets.length} datasets${blocked} (local target, nothing sent)`,
          output: publishOutput(plan, { target: "local", steps: plannedSteps(plan), notes }, text),
        };
      }
      assertTranslatable(plan);
      if (!principal) {
        throw new LakebookError(
          "PUBLISH_NO_OWNER",
          "No QuickSight user or group is named to own the dashboard.",
          {
            hint: "Set quicksightUser: <name> in the notebook's AWS target, or user: / groupArn: in the publish cell.",
          },
        );
      }
      const workgroup = target.workgroup ?? "primary";
      const identityRegion = settings.identityRegion ?? target.region;
      const clients = options.clients
        ? options.clients(target, identityRegion)
        : publishClientsOf(context.aws, identityRegion);
      context.progress({
        done: 0,
        unit: "steps",
        message: "Preflight: checking QuickSight, Athena and the catalog",
      });
      const preflight = await runPreflight(clients, { target, principal, workgroup, identityRegion, plan });
      const { accountId, principalArn } = assertPreflight(preflight);
      // The datasets declare what QuickSight will read (Glue's table, Athena's result columns), not
      // what the local lake or the chart's encoding says; the charts are translated again against them.
      const awsColumns = new Map<string, DeclaredColumns>();
      for (const planned of plan.dataSets) {
        context.progress({ done: 0, unit: "steps", message: `Reading the columns of ${planned.chartId}` });
        awsColumns.set(
          planned.chartId,
          await columnsOnAws(
            planned.chart,
            context.catalog,
            {
              client: clients.athena,
              workgroup,
              ...(target.athenaOutput ? { outputLocation: target.athenaOutput } : {}),
              ...(options.sleep ? { sleep: options.sleep } : {}),
            },
            context.signal,
          ),
        );
      }
      const awsPlan = buildPublishPlan({
        settings,
        notebookName: notebookName(context),
        charts,
        columns: new Map([...columns, ...awsColumns]),
      });
      assertTranslatable(awsPlan);
      const result = await publishPlan(awsPlan, clients, {
        accountId,
        principalArn,
        target,
        workgroup,
        sleep: options.sleep ?? realSleep,
        signal: context.signal,
        onStep: (done, total, message) =>
          context.progress({ done, total, unit: "steps", message: `Publishing the ${message}` }),
        onStatus: (what, status) => context.log("info", `${what}: ${status}`),
      });
      const text = [
        ...resultText(result),
        "",
        "Preflight:",
        ...preflightText(preflight.checks),
        "",
        ...planText(awsPlan),
        "",
        importModeNote(awsPlan.importMode, preflight.edition),
        "",
        ...consoleStepsText(),
      ];
      const { dashboard } = result;
      return {
        summary: `Dashboard ${dashboard.action === "created" ? "published" : `republished as version ${dashboard.versionNumber}`}: ${dashboard.url}`,
        output: publishOutput(
          awsPlan,
          {
            target: "aws",
            steps: publishedSteps(awsPlan, preflight.checks, result),
            notes: [importModeNote(awsPlan.importMode, preflight.edition), ...awsPlan.notes],
            dashboardUrl: dashboard.url,
          },
          text,
        ),
      };
    },
  };
}

export const publishStage = createPublishStage();

/** The id prefix: the notebook's file name (horror-subgenres.lakebook.md → horror-subgenres), else its title. */
function notebookName(context: StageContext): string {
  if (context.notebookPath) return basename(context.notebookPath).replace(/\.lakebook\.md$|\.md$/, "");
  const title = context.notebook.meta.title;
  return typeof title === "string" && title ? title : "notebook";
}
