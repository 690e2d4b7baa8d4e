import {
  type CompletedIngestion,
  customSql,
  type EnsuredAnalysis,
  type EnsuredDashboard,
  type EnsuredDataSet,
  type EnsuredDataSource,
  ensureAnalysis,
  ensureDashboard,
  ensureDataSet,
  ensureDataSource,
  type QuickSightScope,
  relationalTable,
  type Sleep,
  startIngestion,
  userArn,
  waitForIngestion,
} from "../../aws/quicksight";
import { LakebookError } from "../../contract";
import type { AwsTarget } from "../../document";
import { refinedTablesOf } from "./charts";
import type { PublishClients } from "./clients";
import type { PublishPlan } from "./plan";
import {
  checkAthenaWorkgroup,
  checkCredentials,
  checkPrincipal,
  checkQuickSightAccount,
  checkRefinedTables,
  type PreflightCheck,
  s3AccessCheck,
} from "./preflight";
import type { PublishPrincipal } from "./settings";
import { publishDefinition } from "./translate";

export interface PreflightReport {
  checks: PreflightCheck[];
  accountId?: string;
  edition?: string;
  principalArn?: string;
}

export interface PreflightInput {
  target: AwsTarget;
  principal: PublishPrincipal;
  workgroup: string;
  identityRegion: string;
  plan: PublishPlan;
}

/** The permissions doctor: every check runs (after the account is known) so one run lists every fix. */
export async function runPreflight(clients: PublishClients, input: PreflightInput): Promise<PreflightReport> {
  const credentials = await checkCredentials(clients);
  const { accountId } = credentials;
  if (!accountId) return { checks: [strip(credentials)] };
  const [account, principal, workgroup, tables] = await Promise.all([
    checkQuickSightAccount(clients, accountId),
    checkPrincipal(clients, accountId, input.principal),
    checkAthenaWorkgroup(clients, input.workgroup),
    checkRefinedTables(clients, refinedTablesOf(input.plan.dataSets.map((d) => d.chart))),
  ]);
  const principalArn =
    principal.arn ??
    (input.principal.kind === "group"
      ? input.principal.arn
      : userArn(input.identityRegion, accountId, input.principal.name));
  return {
    checks: [
      strip(credentials),
      strip(account),
      strip(principal),
      workgroup,
      ...tables,
      s3AccessCheck(input.target.bucket),
    ],
    accountId,
    principalArn,
    ...(account.edition ? { edition: account.edition } : {}),
  };
}

/** Stops before publishing when any check failed, listing each problem with its fix. */
export function assertPreflight(report: PreflightReport): { accountId: string; principalArn: string } {
  const failing = report.checks.filter((c) => !c.ok);
  const { accountId, principalArn } = report;
  if (failing.length === 0 && accountId && principalArn) return { accountId, principalArn };
  const lines = failing.map((c) => `- ${c.check}: ${c.problem}\n  Fix: ${c.fix}`);
  throw new LakebookError(
    "PUBLISH_PREFLIGHT_FAILED",
    `Nothing was published: ${failing.length} preflight check${failing.length === 1 ? "" : "s"} failed.\n${lines.join("\n")}`,
    {
      hint: "Fix each problem where it says, then publish again; the checks that passed are not repeated in this message.",
    },
  );
}

export interface PublishResult {
  dataSource: EnsuredDataSource;
  dataSets: (EnsuredDataSet & { chartId: string; dataSetId: string; loaded?: CompletedIngestion })[];
  analysis: EnsuredAnalysis;
  dashboard: EnsuredDashboard;
}

export interface PublishOptions {
  accountId: string;
  principalArn: string;
  target: AwsTarget;
  workgroup: string;
  sleep: Sleep;
  signal?: AbortSignal;
  onStep?: (step: number, total: number, message: string) => void;
  onStatus?: (what: string, status: string) => void;
}

/** Data source → one dataset per chart → analysis → dashboard, each created or updated in place. */
export async function publishPlan(
  plan: PublishPlan,
  clients: PublishClients,
  options: PublishOptions,
): Promise<PublishResult> {
  const scope: QuickSightScope = {
    client: clients.quicksight,
    accountId: options.accountId,
    sleep: options.sleep,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onStatus ? { onStatus: options.onStatus } : {}),
  };
  const total = plan.dataSets.length + 3;
  let step = 0;
  const next = (message: string) => options.onStep?.(++step, total, message);
  const principalArn = options.principalArn;
  next(`Athena data source ${plan.ids.dataSourceId}`);
  const dataSource = await ensureDataSource(scope, {
    dataSourceId: plan.ids.dataSourceId,
    name: `Lakebook Athena (${options.workgroup})`,
    workgroup: options.workgroup,
    principalArn,
  });
  const dataSets: PublishResult["dataSets"] = [];
  for (const planned of plan.dataSets) {
    next(`dataset ${planned.dataSetId}`);
    const { source } = planned.chart;
    const table =
      source.kind === "table"
        ? relationalTable(dataSource.arn, source.database, source.table, planned.columns)
        : customSql(dataSource.arn, planned.chartId, source.sql, planned.columns);
    const made = await ensureDataSet(scope, {
      dataSetId: planned.dataSetId,
      name: planned.name,
      table,
      importMode: plan.importMode,
      principalArn,
    });
    // A SPICE dataset is usable only once its rows are loaded: wait for the ingestion QuickSight
    // started (or start one), and fail with its reason rather than publish empty visuals.
    let loaded: CompletedIngestion | undefined;
    if (plan.importMode === "SPICE") {
      const ingestionId = made.ingestionId ?? (await startIngestion(scope, planned.dataSetId));
      loaded = await waitForIngestion(scope, { dataSetId: planned.dataSetId, ingestionId });
    }
    dataSets.push({
      ...made,
      ...(loaded ? { ingestionId: loaded.ingestionId, loaded } : {}),
      chartId: planned.chartId,
      dataSetId: planned.dataSetId,
    });
  }
  const definition = publishDefinition(
    plan.dashboardName,
    dataSets.map((d) => ({ identifier: d.chartId, arn: d.arn })),
    plan.visuals.map((v) => v.visual),
  );
  next(`analysis ${plan.ids.analysisId}`);
  const analysis = await ensureAnalysis(scope, {
    analysisId: plan.ids.analysisId,
    name: plan.dashboardName,
    definition,
    principalArn,
  });
  next(`dashboard ${plan.ids.dashboardId}`);
  const dashboard = await ensureDashboard(scope, {
    dashboardId: plan.ids.dashboardId,
    name: plan.dashboardName,
    definition,
    principalArn,
    versionDescription: `Published from Lakebook: ${plan.visuals.map((v) => v.chartId).join(", ")}`,
    region: options.target.region,
  });
  return { dataSource, dataSets, analysis, dashboard };
}

function strip<T extends PreflightCheck>(check: T): PreflightCheck {
  const { check: name, ok, detail, problem, fix, manual } = check;
  return {
    check: name,
    ok,
    ...(detail ? { detail } : {}),
    ...(problem ? { problem } : {}),
    ...(fix ? { fix } : {}),
    ...(manual ? { manual } : {}),
  };
}
