import type { PermissionNeed } from "./scope";
import type { PermissionCheck } from "./simulate";

/** An IAM policy document (docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html). */
export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}
export interface PolicyStatement {
  Sid: string;
  Effect: "Allow";
  Action: string[];
  Resource: string[];
  Condition?: { StringLike: Record<string, string[]> };
}

/**
 * The minimal policy granting exactly these needs: one statement per set of resources (and
 * condition), its actions merged and sorted, and statements with the same actions joined, so the
 * same notebook always gives the same text.
 */
export function policyDocument(needs: readonly PermissionNeed[]): PolicyDocument {
  const statements = new Map<
    string,
    { actions: Set<string>; resources: string[]; condition?: [string, string] }
  >();
  for (const need of needs) {
    const resources = [...new Set(need.resources)].sort();
    const condition = need.condition
      ? ([need.condition.key, need.condition.allow] as [string, string])
      : undefined;
    const key = JSON.stringify([resources, condition ?? null]);
    const statement = statements.get(key) ?? {
      actions: new Set<string>(),
      resources,
      ...(condition ? { condition } : {}),
    };
    for (const action of need.actions) statement.actions.add(action);
    statements.set(key, statement);
  }
  // Then statements with the same actions (and condition) share one: the same grants in fewer
  // characters, since a managed policy may hold at most 6,144.
  const merged = new Map<
    string,
    { actions: Set<string>; resources: string[]; condition?: [string, string] }
  >();
  for (const statement of statements.values()) {
    const key = JSON.stringify([[...statement.actions].sort(), statement.condition ?? null]);
    const same = merged.get(key);
    if (same) same.resources = [...new Set([...same.resources, ...statement.resources])].sort();
    else merged.set(key, { ...statement });
  }
  const keyed = [...merged.values()].map(
    (s) => [JSON.stringify([s.resources, s.condition ?? null]), s] as const,
  );
  const sorted = keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
  return {
    Version: "2012-10-17",
    Statement: sorted.map((statement, index) => ({
      Sid: `Lakebook${index + 1}`,
      Effect: "Allow",
      Action: [...statement.actions].sort(),
      Resource: statement.resources,
      ...(statement.condition
        ? { Condition: { StringLike: { [statement.condition[0]]: [statement.condition[1]] } } }
        : {}),
    })),
  };
}

/** The trust policy of a role a service assumes (Glue, Lambda). */
export function trustPolicy(service: string) {
  return {
    Version: "2012-10-17" as const,
    Statement: [{ Effect: "Allow" as const, Principal: { Service: service }, Action: "sts:AssumeRole" }],
  };
}

/** A policy with only the missing permissions, to add beside what the identity already has. */
export function missingPolicy(missing: readonly PermissionCheck[]): PolicyDocument {
  return policyDocument(
    missing.map(({ action, resource, condition }) => ({
      why: "",
      actions: [action],
      resources: [resource],
      ...(condition ? { condition } : {}),
    })),
  );
}
