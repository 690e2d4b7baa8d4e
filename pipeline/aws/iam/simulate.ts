import {
  type EvaluationResult,
  type IAMClient,
  SimulatePrincipalPolicyCommand,
  type SimulatePrincipalPolicyCommandOutput,
} from "@aws-sdk/client-iam";
import { sdkErrorKind } from "../sdk-error-table";
import { iamError } from "./iam-errors";
import type { NeedCondition, PermissionNeed } from "./scope";

export type Decision = "allowed" | "denied" | "unchecked";

/** One action on one resource, as the doctor checks and shows it. */
export interface PermissionCheck {
  action: string;
  resource: string;
  condition?: NeedCondition;
}

export interface CheckResult {
  action: string;
  resource: string;
  decision: Decision;
  /** Why it is denied (which policy, SCP or boundary), or why it could not be checked. */
  reason?: string;
}

/** What the doctor says when it may not simulate: not a failure, a thing to check another way. */
export const COULD_NOT_CHECK_HINT =
  "Ask your administrator for iam:SimulatePrincipalPolicy on your own user or role (or compare the generated policy with yours by hand).";

/** Each need's actions × resources, once each. */
export function checksOf(needs: readonly PermissionNeed[]): PermissionCheck[] {
  const seen = new Map<string, PermissionCheck>();
  for (const need of needs) {
    for (const resource of need.resources) {
      for (const action of need.actions) {
        const check = { action, resource, ...(need.condition ? { condition: need.condition } : {}) };
        seen.set(keyOf(check), check);
      }
    }
  }
  return [...seen.values()];
}

export const keyOf = (check: PermissionCheck) =>
  `${check.action} ${check.resource} ${check.condition ? `${check.condition.key}=${check.condition.value}` : ""}`;

/**
 * Asks IAM's policy simulator whether `principal` (a user or role ARN) may do each check
 * (docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html). The simulator
 * evaluates every action against every resource of a request, so each resource (with its condition's
 * context) is its own request, paged by Marker while IsTruncated. Every failure to simulate makes
 * the checks `unchecked`, never denied: the doctor must not block what it could not verify.
 */
export async function simulateChecks(
  iam: IAMClient,
  principal: string,
  checks: readonly PermissionCheck[],
  options: { pageSize?: number } = {},
): Promise<CheckResult[]> {
  const groups = new Map<string, PermissionCheck[]>();
  for (const check of checks) {
    const key = `${check.resource} ${check.condition?.key ?? ""}=${check.condition?.value ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), check]);
  }
  const results: CheckResult[] = [];
  for (const group of groups.values()) {
    const first = group[0] as PermissionCheck;
    let evaluations: EvaluationResult[];
    try {
      evaluations = await simulateAll(
        iam,
        principal,
        first,
        [...new Set(group.map((c) => c.action))],
        options,
      );
    } catch (error) {
      const reason = couldNotCheck(error);
      for (const check of checks) {
        if (!results.some((r) => r.action === check.action && r.resource === check.resource)) {
          results.push({ action: check.action, resource: check.resource, decision: "unchecked", reason });
        }
      }
      return orderedLike(checks, results);
    }
    for (const check of group) {
      const evaluation = evaluations.find((e) => e.EvalActionName === check.action);
      results.push(
        evaluation
          ? { action: check.action, resource: check.resource, ...decisionOf(evaluation, check.resource) }
          : {
              action: check.action,
              resource: check.resource,
              decision: "unchecked",
              reason: "the simulator gave no answer for this action",
            },
      );
    }
  }
  return orderedLike(checks, results);
}

async function simulateAll(
  iam: IAMClient,
  principal: string,
  sample: PermissionCheck,
  actions: string[],
  options: { pageSize?: number },
): Promise<EvaluationResult[]> {
  const evaluations: EvaluationResult[] = [];
  let marker: string | undefined;
  do {
    const page: SimulatePrincipalPolicyCommandOutput = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: principal,
        ActionNames: actions,
        ResourceArns: [sample.resource],
        ...(sample.condition
          ? {
              ContextEntries: [
                {
                  ContextKeyName: sample.condition.key,
                  ContextKeyValues: [sample.condition.value],
                  ContextKeyType: "string",
                },
              ],
            }
          : {}),
        ...(options.pageSize ? { MaxItems: options.pageSize } : {}),
        ...(marker ? { Marker: marker } : {}),
      }),
    );
    evaluations.push(...(page.EvaluationResults ?? []));
    // IAM may return fewer than MaxItems with more to come: IsTruncated is the only reliable sign.
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return evaluations;
}

/**
 * One evaluation as allowed or denied, and why. EvalDecision is allowed, explicitDeny or
 * implicitDeny (docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html); an SCP
 * (OrganizationsDecisionDetail) or a permissions boundary (PermissionsBoundaryDecisionDetail) that
 * does not allow it denies it whatever the identity's policies say.
 */
export function decisionOf(
  evaluation: EvaluationResult,
  resource: string,
): Pick<CheckResult, "decision" | "reason"> {
  const specific = evaluation.ResourceSpecificResults?.find((r) => r.EvalResourceName === resource);
  const decision = specific?.EvalResourceDecision ?? evaluation.EvalDecision;
  const statements = specific?.MatchedStatements ?? evaluation.MatchedStatements ?? [];
  const blockedByOrganization = evaluation.OrganizationsDecisionDetail?.AllowedByOrganizations === false;
  const boundary =
    specific?.PermissionsBoundaryDecisionDetail ?? evaluation.PermissionsBoundaryDecisionDetail;
  const blockedByBoundary = boundary?.AllowedByPermissionsBoundary === false;
  const missingContext = evaluation.MissingContextValues?.length
    ? ` (the simulation had no value for ${evaluation.MissingContextValues.join(", ")})`
    : "";
  if (decision === "allowed" && !blockedByOrganization && !blockedByBoundary) return { decision: "allowed" };
  const policies = [...new Set(statements.map((s) => s.SourcePolicyId).filter(Boolean))].join(", ");
  let reason: string;
  if (blockedByOrganization) reason = "denied by a service control policy of the organization";
  else if (blockedByBoundary) reason = "outside the identity's permissions boundary";
  else if (decision === "explicitDeny") reason = `explicitly denied${policies ? ` by ${policies}` : ""}`;
  else if (decision === "implicitDeny") reason = "no policy of the identity allows it";
  else reason = `the simulator answered ${decision ?? "nothing"}`;
  return { decision: "denied", reason: `${reason}${missingContext}` };
}

function couldNotCheck(error: unknown): string {
  if (sdkErrorKind(error) === "accessDenied") {
    return `could not check: this identity may not call iam:SimulatePrincipalPolicy. ${COULD_NOT_CHECK_HINT}`;
  }
  const wrapped = iamError(error, "simulate the policies");
  return `could not check: ${wrapped.message}${wrapped.hint ? ` ${wrapped.hint}` : ""}`;
}

function orderedLike(checks: readonly PermissionCheck[], results: CheckResult[]): CheckResult[] {
  const byKey = new Map(results.map((r) => [`${r.action} ${r.resource}`, r]));
  return checks.map(
    (check) =>
      byKey.get(`${check.action} ${check.resource}`) ?? {
        action: check.action,
        resource: check.resource,
        decision: "unchecked" as const,
      },
  );
}
