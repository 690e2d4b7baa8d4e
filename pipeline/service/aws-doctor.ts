import { basename, dirname } from "node:path";
import { GlueJobSettingsSchema } from "../aws/glue";
import {
  type CallerIdentity,
  type CellPlan,
  type CheckResult,
  callerIdentity,
  checksOf,
  identityActions,
  keyOf,
  missingPolicy,
  type PermissionCheck,
  permissionsReport,
  STAGE_LABELS,
  scopeOf,
  simulateChecks,
} from "../aws/iam";
import { publishIds } from "../aws/quicksight";
import { type DoctorReport, LakebookError } from "../contract";
import { type AwsTarget, attr, type Cell, type Notebook } from "../document";
import { cellDependencies } from "../stages";
import { parsePublishSettings, publishPrincipal } from "../stages/publish/settings";
import { TMDB_SECRET_NAME } from "../stages/tmdb/lambda/tmdb-secret";
import { parseTmdbSettings } from "../stages/tmdb/settings";
import { parseTransformSettings } from "../stages/transform/settings";
import type { Workspace } from "./workspace";

/**
 * The permissions doctor over a workspace: which AWS stage each cell runs, and whether the
 * notebook's identity may do what those stages do (`aws.doctor`, `lakebook doctor`, and the check
 * every AWS cell makes before its first call).
 */
export async function runAwsDoctor(workspace: Workspace): Promise<DoctorReport> {
  const { target, notebook } = workspace;
  if (target.kind !== "aws" || !notebook) {
    return {
      ok: true,
      target: "local",
      identity: null,
      note: "The notebook's target is the local lake: nothing is sent to AWS, so there is nothing to check.",
      stages: [],
      policies: [],
    };
  }
  const clients = { sts: workspace.aws.sts(), iam: workspace.aws.iam() };
  return permissionsReport(clients, target, cellPlans(notebook, target, workspace.notebookPath));
}

/** What each cell will do on AWS; cells that call no AWS (markdown, charts, local engines) have no plan. */
export function cellPlans(notebook: Notebook, target: AwsTarget, notebookPath: string | null): CellPlan[] {
  const dependencies = new Map(cellDependencies(notebook.cells).map((d) => [d.id, d]));
  const plans: CellPlan[] = [];
  for (const cell of notebook.cells) {
    try {
      const plan = cellPlan(cell, notebook, target, notebookPath, dependencies);
      if (plan) plans.push(plan);
    } catch {
      // A cell whose settings do not parse fails on its own, with its own message, before any AWS call.
    }
  }
  return plans;
}

type Dependencies = Map<string, { reads: string[]; writes: string[] }>;

function cellPlan(
  cell: Cell,
  notebook: Notebook,
  target: AwsTarget,
  notebookPath: string | null,
  dependencies: Dependencies,
): CellPlan | undefined {
  const { reads = [], writes = [] } = dependencies.get(cell.id) ?? {};
  switch (cell.kind) {
    case "ingest":
      return { cell: cell.id, plan: { stage: "ingest", datasets: writes.map((t) => t.split(".")[1] ?? t) } };
    case "tmdb": {
      const { lambda } = parseTmdbSettings(cell);
      if (!lambda) return { cell: cell.id, plan: { stage: "tmdb", reads } };
      return {
        cell: cell.id,
        plan: {
          stage: "tmdb-lambda",
          reads,
          functionName: lambda.functionName,
          roleArn: lambda.roleArn,
          secretName: TMDB_SECRET_NAME,
        },
      };
    }
    case "transform": {
      const settings = parseTransformSettings(cell);
      const inputFolders = Object.values(settings.inputs).flatMap((input) =>
        input.kind === "files" ? [`${dirname(input.path)}/`] : [],
      );
      return {
        cell: cell.id,
        inputFolders,
        plan: {
          stage: "transform-glue",
          reads,
          writes,
          jobName: GlueJobSettingsSchema.parse({ role: "-" }).jobName,
          // The README's walkthrough creates the role under this name when the target names none.
          glueRole: target.glueRole ?? "lakebook-glue-job",
        },
      };
    }
    case "sql":
    case "check":
      if ((attr(cell, "engine") ?? "athena") !== "athena") return undefined;
      return { cell: cell.id, plan: { stage: "athena", reads, writes } };
    case "publish": {
      const settings = parsePublishSettings(cell);
      const owner = publishPrincipal(settings, target);
      const charts = settings.charts.filter((id) => !settings.skip.includes(id));
      const ids = publishIds(notebookName(notebook, notebookPath), settings.dashboard);
      return {
        cell: cell.id,
        plan: {
          stage: "publish",
          reads: charts.flatMap((id) => dependencies.get(id)?.reads ?? []),
          identityRegion: settings.identityRegion ?? target.region,
          owner: owner ?? { kind: "user", name: "(none named)" },
          ids: {
            dataSourceId: ids.dataSourceId,
            dataSetIds: charts.map((id) => ids.dataSetId(id)),
            analysisId: ids.analysisId,
            dashboardId: ids.dashboardId,
          },
        },
      };
    }
    default:
      return undefined;
  }
}

/** The publish stage's id prefix: the file name without .lakebook.md, else the title. */
function notebookName(notebook: Notebook, notebookPath: string | null): string {
  if (notebookPath) return basename(notebookPath).replace(/\.lakebook\.md$|\.md$/, "");
  const title = notebook.meta.title;
  return typeof title === "string" && title ? title : "notebook";
}

// Per workspace: who the caller is (asked once) and what was already allowed (not asked again).
const known = new WeakMap<Workspace, { identity: Promise<CallerIdentity>; allowed: Set<string> }>();

/**
 * The check every cell makes before its stage's first AWS call: on an aws target, a cell whose
 * stage the identity may not fully do fails at once, naming each missing permission and the policy
 * that adds them. What cannot be checked is a warning in the cell's log, never a failure.
 */
export async function checkCellPermissions(
  workspace: Workspace,
  cell: Cell,
  log: (level: "warn", text: string) => void,
): Promise<void> {
  const { target, notebook } = workspace;
  if (target.kind !== "aws" || !notebook) return;
  const plan = cellPlans(notebook, target, workspace.notebookPath).find((p) => p.cell === cell.id);
  if (!plan) return;
  let results: CheckResult[];
  let checks: PermissionCheck[];
  try {
    let entry = known.get(workspace);
    if (!entry) {
      entry = { identity: callerIdentity(workspace.aws.sts(), workspace.aws.iam()), allowed: new Set() };
      known.set(workspace, entry);
    }
    const identity = await entry.identity.catch((error) => {
      known.delete(workspace); // credentials may be fixed before the next run
      throw error;
    });
    checks = checksOf(identityActions(scopeOf(target, identity), plan.plan)).filter(
      (check) => !entry.allowed.has(keyOf(check)),
    );
    if (checks.length === 0) return;
    if (!identity.simulated) {
      log("warn", `Permissions not checked: ${identity.note ?? "no IAM user or role to simulate"}`);
      return;
    }
    results = await simulateChecks(workspace.aws.iam(), identity.simulated, checks);
    for (const [index, result] of results.entries()) {
      if (result.decision === "allowed") entry.allowed.add(keyOf(checks[index] as PermissionCheck));
    }
  } catch (error) {
    log("warn", `Permissions not checked: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const unchecked = results.filter((r) => r.decision === "unchecked");
  if (unchecked.length > 0) log("warn", `Permissions not checked: ${unchecked[0]?.reason ?? ""}`);
  const denied = results.flatMap((result, index) =>
    result.decision === "denied" ? [{ result, index }] : [],
  );
  if (denied.length === 0) return;
  const lines = denied.map(({ result }) => `  - ${result.action} on ${result.resource} (${result.reason})`);
  const policy = missingPolicy(denied.map(({ index }) => checks[index] as PermissionCheck));
  throw new LakebookError(
    "AWS_PERMISSIONS_MISSING",
    `This ${STAGE_LABELS[plan.plan.stage]} cell needs permissions the notebook's identity lacks; nothing was sent:\n${lines.join("\n")}`,
    {
      hint: `Add this policy to your user or role (lakebook doctor ${workspace.notebookPath ? basename(workspace.notebookPath) : "<notebook>"} shows them all):\n${JSON.stringify(policy, null, 2)}`,
    },
  );
}
