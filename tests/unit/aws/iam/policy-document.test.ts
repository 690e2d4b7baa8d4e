import { describe, expect, it } from "vitest";
import {
  type CellPlan,
  checksOf,
  type IamScope,
  identityActions,
  lambdaRoleActions,
  type PermissionNeed,
  policiesOf,
  policyDocument,
  type StagePlan,
  transformJobActions,
} from "../../../../pipeline/aws/iam";

const scope: IamScope = {
  partition: "aws",
  account: "123456789012",
  region: "eu-west-1",
  bucket: "my-lake",
  prefix: "course/",
  workgroup: "primary",
  athenaOutput: "s3://my-lake/athena-results/",
};

const plans: StagePlan[] = [
  { stage: "ingest", datasets: ["movies", "series"] },
  { stage: "tmdb", reads: ["raw.movies"] },
  {
    stage: "tmdb-lambda",
    reads: ["raw.movies"],
    functionName: "lakebook-tmdb-enrich",
    roleArn: "arn:aws:iam::123456789012:role/lakebook-tmdb",
    secretName: "lakebook/tmdb",
  },
  {
    stage: "transform-glue",
    reads: ["raw.movies"],
    writes: ["trusted.movies"],
    jobName: "lakebook-transform",
    glueRole: "AWSGlueServiceRole-lakebook",
  },
  { stage: "athena", reads: ["refined.fact_rating"], writes: [] },
  {
    stage: "publish",
    reads: ["refined.fact_rating"],
    identityRegion: "us-east-1",
    owner: { kind: "user", name: "ana" },
    ids: {
      dataSourceId: "lakebook-demo-athena",
      dataSetIds: ["lakebook-demo-by_subgenre"],
      analysisId: "lakebook-demo-horror-analysis",
      dashboardId: "lakebook-demo-horror",
    },
  },
];
const cells: CellPlan[] = plans.map((plan, index) => ({ cell: `cell_${index}`, plan }));

/** Every action × resource a policy grants, read back the way IAM reads it. */
function granted(document: Record<string, unknown>): Set<string> {
  const grants = new Set<string>();
  for (const statement of document.Statement as { Action: string[]; Resource: string[] }[]) {
    for (const action of statement.Action)
      for (const resource of statement.Resource) grants.add(`${action} ${resource}`);
  }
  return grants;
}

function expectValidPolicy(document: Record<string, unknown>) {
  // The policy grammar: docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
  expect(document.Version).toBe("2012-10-17");
  expect(Array.isArray(document.Statement)).toBe(true);
  const statements = document.Statement as Record<string, unknown>[];
  expect(statements.length).toBeGreaterThan(0);
  const sids = new Set<string>();
  for (const statement of statements) {
    expect(Object.keys(statement).sort()).toEqual(
      expect.arrayContaining(["Action", "Effect", "Resource", "Sid"].sort()),
    );
    expect(statement.Effect).toBe("Allow");
    expect(statement.Sid).toMatch(/^[A-Za-z0-9]+$/); // Sid: letters and digits only
    expect(sids.has(statement.Sid as string)).toBe(false);
    sids.add(statement.Sid as string);
    for (const action of statement.Action as string[]) expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
    for (const resource of statement.Resource as string[])
      expect(resource).toMatch(/^(\*|arn:aws[\w-]*:[a-z0-9-]+:[\w-]*:(\d{12})?:.+)$/);
  }
  // The size quota of a managed policy, whitespace not counted: docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
  expect(JSON.stringify(document).length).toBeLessThan(6144);
}

function expectCovers(document: Record<string, unknown>, needs: PermissionNeed[]) {
  const grants = granted(document);
  for (const check of checksOf(needs))
    expect(grants, `${check.action} on ${check.resource}`).toContain(`${check.action} ${check.resource}`);
}

describe("the generated policies", () => {
  const policies = policiesOf(scope, cells);

  it("are the user's, the Glue job role's and the Lambda role's, each valid IAM JSON", () => {
    expect(policies.map((p) => p.name)).toEqual(["user", "glue-job-role", "lambda-role"]);
    for (const policy of policies) expectValidPolicy(policy.document);
    expect(policies[1]?.trustPolicy).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { Service: "glue.amazonaws.com" }, Action: "sts:AssumeRole" },
      ],
    });
  });

  it("grant every action of every stage's list, on its resources", () => {
    expectCovers(
      policies[0]?.document ?? {},
      plans.flatMap((plan) => identityActions(scope, plan)),
    );
    expectCovers(
      policies[1]?.document ?? {},
      transformJobActions(scope, { reads: ["raw.movies"], writes: ["trusted.movies"], inputFolders: [] }),
    );
    expectCovers(
      policies[2]?.document ?? {},
      lambdaRoleActions(scope, { functionName: "lakebook-tmdb-enrich", secretName: "lakebook/tmdb" }),
    );
  });

  it("scope ListBucket to the lake's prefix with the condition the simulator is given", () => {
    const statement = ((policies[0]?.document.Statement ?? []) as Record<string, unknown>[]).find((s) =>
      (s.Action as string[]).includes("s3:ListBucket"),
    );
    expect(statement?.Condition).toEqual({ StringLike: { "s3:prefix": ["course/*"] } });
  });

  it("build the resource ARNs from the notebook's names", () => {
    const resources = [...granted(policies[0]?.document ?? {})].map((g) => g.split(" ")[1]);
    expect(resources).toEqual(
      expect.arrayContaining([
        "arn:aws:s3:::my-lake/course/Raw/Local/CSV/*",
        "arn:aws:glue:eu-west-1:123456789012:table/raw/movies",
        "arn:aws:glue:eu-west-1:123456789012:job/lakebook-transform",
        "arn:aws:athena:eu-west-1:123456789012:workgroup/primary",
        "arn:aws:lambda:eu-west-1:123456789012:function:lakebook-tmdb-enrich",
        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:lakebook/tmdb-??????",
        "arn:aws:iam::123456789012:role/AWSGlueServiceRole-lakebook",
        "arn:aws:logs:eu-west-1:123456789012:log-group:/aws-glue/jobs/output",
        "arn:aws:quicksight:eu-west-1:123456789012:dashboard/lakebook-demo-horror",
        "arn:aws:quicksight:us-east-1:123456789012:user/default/ana",
        "arn:aws:s3:::my-lake/athena-results/*",
      ]),
    );
  });

  it("always give the same text for the same notebook", () => {
    const needs = plans.flatMap((plan) => identityActions(scope, plan));
    expect(JSON.stringify(policyDocument(needs))).toBe(JSON.stringify(policyDocument([...needs].reverse())));
  });
});
