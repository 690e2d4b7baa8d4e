import type { IAMClient } from "@aws-sdk/client-iam";
import type { STSClient } from "@aws-sdk/client-sts";
import type { DoctorPolicy, DoctorReport, DoctorStage } from "../../contract";
import { partitionOf } from "./arns";
import { identityActions } from "./identity-actions";
import { LAMBDA_TRUST_SERVICE, lambdaRoleActions } from "./lambda-role-actions";
import { policyDocument, trustPolicy } from "./policy-document";
import { type CallerIdentity, callerIdentity } from "./principal";
import { type IamScope, lakePrefix, type PermissionNeed } from "./scope";
import { type CheckResult, COULD_NOT_CHECK_HINT, checksOf, simulateChecks } from "./simulate";
import { type AwsStageName, STAGE_LABELS, type StagePlan } from "./stage-plan";
import { GLUE_TRUST_SERVICE, transformJobActions } from "./transform-job-actions";

/** The names an aws target gives (ids and names only, as in the notebook's front matter). */
export interface TargetNames {
  region: string;
  bucket: string;
  prefix?: string;
  workgroup?: string;
  athenaOutput?: string;
}

/** One cell's stage and what it will touch. */
export interface CellPlan {
  cell: string;
  plan: StagePlan;
  /** Input folders of file inputs (transform cells), read by the Glue job. */
  inputFolders?: readonly string[];
}

export function scopeOf(
  target: TargetNames,
  identity: Pick<CallerIdentity, "account" | "partition">,
): IamScope {
  return {
    partition: identity.partition || partitionOf(target.region),
    account: identity.account,
    region: target.region,
    bucket: target.bucket,
    prefix: lakePrefix(target.prefix),
    workgroup: target.workgroup ?? "primary",
    ...(target.athenaOutput ? { athenaOutput: target.athenaOutput } : {}),
  };
}

/**
 * The whole notebook's permissions: the caller (STS), then each stage's actions simulated for the
 * caller's user or role, and the three minimal policies generated from the same lists.
 */
export async function permissionsReport(
  clients: { sts: STSClient; iam: IAMClient },
  target: TargetNames,
  cells: readonly CellPlan[],
): Promise<DoctorReport> {
  const identity = await callerIdentity(clients.sts, clients.iam);
  const scope = scopeOf(target, identity);
  const stages = stagesOf(scope, cells);
  const allChecks = checksOf(stages.flatMap((s) => s.needs));
  const results = identity.simulated
    ? await simulateChecks(clients.iam, identity.simulated, allChecks)
    : allChecks.map(
        (c): CheckResult => ({
          action: c.action,
          resource: c.resource,
          decision: "unchecked",
          reason: `could not check: ${identity.note ?? "no IAM user or role to simulate"}`,
        }),
      );
  const decided = new Map(results.map((r) => [`${r.action} ${r.resource}`, r]));
  const reportStages: DoctorStage[] = stages.map((stage) => ({
    stage: stage.stage,
    label: STAGE_LABELS[stage.stage],
    cells: stage.cells,
    checks: checksOf(stage.needs).map(
      (c) =>
        decided.get(`${c.action} ${c.resource}`) ?? {
          action: c.action,
          resource: c.resource,
          decision: "unchecked",
        },
    ),
  }));
  const denied = results.some((r) => r.decision === "denied");
  const unchecked = results.some((r) => r.decision === "unchecked");
  const notes = [
    identity.note,
    unchecked ? `Some actions could not be checked. ${COULD_NOT_CHECK_HINT}` : undefined,
  ].filter(Boolean);
  return {
    ok: !denied,
    target: "aws",
    identity: {
      arn: identity.arn,
      account: identity.account,
      ...(identity.simulated ? { simulated: identity.simulated } : {}),
    },
    ...(notes.length > 0 ? { note: notes.join(" ") } : {}),
    stages: reportStages,
    policies: policiesOf(scope, cells),
  };
}

/** Beside the cells, on an aws target: the catalog panel and course mode. */
const WORKBENCH = (scope: IamScope) => identityActions(scope, { stage: "workbench" });

interface StageNeeds {
  stage: AwsStageName;
  cells: string[];
  needs: PermissionNeed[];
}

/** Cells grouped by stage, in the notebook's order of first use. */
export function stagesOf(scope: IamScope, cells: readonly CellPlan[]): StageNeeds[] {
  const stages = new Map<AwsStageName, StageNeeds>();
  for (const { cell, plan } of cells) {
    const stage = stages.get(plan.stage) ?? { stage: plan.stage, cells: [], needs: [] };
    stage.cells.push(cell);
    stage.needs.push(...identityActions(scope, plan));
    stages.set(plan.stage, stage);
  }
  if (stages.size > 0) stages.set("workbench", { stage: "workbench", cells: [], needs: WORKBENCH(scope) });
  return [...stages.values()];
}

/** The user's policy, and each role's when a stage hands one to AWS. */
export function policiesOf(scope: IamScope, cells: readonly CellPlan[]): DoctorPolicy[] {
  const policies: DoctorPolicy[] = [];
  const cellNeeds = cells.flatMap(({ plan }) => identityActions(scope, plan));
  if (cellNeeds.length === 0) return policies;
  const identityNeeds = [...cellNeeds, ...WORKBENCH(scope)];
  policies.push({
    name: "user",
    title: "Lakebook: the notebook's identity",
    attachTo: "the IAM user or role of the notebook's profile",
    document: { ...policyDocument(identityNeeds) },
  });
  const glue = cells.filter((c) => c.plan.stage === "transform-glue");
  if (glue.length > 0) {
    const reads = glue.flatMap((c) => (c.plan.stage === "transform-glue" ? c.plan.reads : []));
    const writes = glue.flatMap((c) => (c.plan.stage === "transform-glue" ? c.plan.writes : []));
    const inputFolders = glue.flatMap((c) => c.inputFolders ?? []);
    const role = glue[0]?.plan.stage === "transform-glue" ? glue[0].plan.glueRole : "";
    policies.push({
      name: "glue-job-role",
      title: "Lakebook: the Glue job's role",
      attachTo: `the role ${role} (target.glueRole), trusted by ${GLUE_TRUST_SERVICE}`,
      document: { ...policyDocument(transformJobActions(scope, { reads, writes, inputFolders })) },
      trustPolicy: trustPolicy(GLUE_TRUST_SERVICE),
    });
  }
  const lambda = cells.find((c) => c.plan.stage === "tmdb-lambda");
  if (lambda?.plan.stage === "tmdb-lambda") {
    policies.push({
      name: "lambda-role",
      title: "Lakebook: the TMDB function's role",
      attachTo: `the role ${lambda.plan.roleArn} (the TMDB cell's lambda.roleArn), trusted by ${LAMBDA_TRUST_SERVICE}`,
      document: { ...policyDocument(lambdaRoleActions(scope, lambda.plan)) },
      trustPolicy: trustPolicy(LAMBDA_TRUST_SERVICE),
    });
  }
  return policies;
}
