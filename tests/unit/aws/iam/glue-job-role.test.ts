import { describe, expect, it } from "vitest";
import { glueJobRolePolicy } from "../../../../pipeline/aws/glue";
import {
  checksOf,
  GLUE_JOB_ROLE,
  type IamScope,
  type TransformJobPlan,
  transformJobActions,
} from "../../../../pipeline/aws/iam";

/**
 * The Glue job role has one list (`GLUE_JOB_ROLE`): the transform cell's inline policy over whole
 * zones, and the doctor's per-notebook checks narrowed from it. Whatever the doctor checks, the
 * cell's policy grants, and every action of the role list is checked.
 */
const scope: IamScope = {
  partition: "aws",
  account: "123456789012",
  region: "eu-west-1",
  bucket: "horror-lake",
  prefix: "lake/",
  workgroup: "primary",
};
const rolePolicy = glueJobRolePolicy({
  bucket: scope.bucket,
  prefix: scope.prefix,
  region: scope.region,
  account: scope.account,
});

const PLANS: Record<string, TransformJobPlan> = {
  "RAW to TRUSTED, with a file input": {
    reads: ["raw.movies"],
    writes: ["trusted.movies"],
    inputFolders: ["Raw/Local/CSV/Series/2026/11/25/"],
  },
  "TRUSTED to REFINED": {
    reads: ["trusted.movies", "trusted.tmdb"],
    writes: ["refined.fact_title"],
    inputFolders: [],
  },
};

/** IAM's wildcards in a resource: `*` any run of characters, `?` exactly one. */
function matches(pattern: string, arn: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replaceAll("*", ".*")
    .replaceAll("?", ".");
  return new RegExp(`^${source}$`).test(arn);
}

function grantedByRolePolicy(action: string, resource: string): boolean {
  return rolePolicy.Statement.some(
    (statement) => statement.Action.includes(action) && statement.Resource.some((r) => matches(r, resource)),
  );
}

describe("the Glue job role's one list", () => {
  for (const [name, plan] of Object.entries(PLANS)) {
    it(`grants in the cell's policy everything the doctor checks (${name})`, () => {
      const ungranted = checksOf(transformJobActions(scope, plan))
        .filter((check) => !grantedByRolePolicy(check.action, check.resource))
        .map((check) => `${check.action} ${check.resource}`);
      expect(ungranted).toEqual([]);
    });
  }

  it("has the doctor check every action of the role list, narrowed to the notebook's tables", () => {
    const plan = PLANS["RAW to TRUSTED, with a file input"] as TransformJobPlan;
    const needs = transformJobActions(scope, plan);
    const checked = new Set(needs.flatMap((need) => need.actions));
    expect([...checked].sort()).toEqual([...new Set(GLUE_JOB_ROLE.flatMap((list) => list.actions))].sort());
    const writes = needs.find((need) => need.actions.includes("s3:PutObject"));
    expect(writes?.resources).toEqual(["arn:aws:s3:::horror-lake/lake/Trusted/*"]);
    const reads = needs.find((need) => need.why === "read the input tables' files");
    expect(reads?.resources).toEqual([
      "arn:aws:s3:::horror-lake/lake/Raw/Local/CSV/Series/2026/11/25/*",
      "arn:aws:s3:::horror-lake/lake/Raw/*",
    ]);
  });

  it("never lets the job write RAW (append-only): no write grant on Raw/", () => {
    const writes = rolePolicy.Statement.filter((s) => s.Action.some((a) => /Put|Delete/.test(a)));
    for (const statement of writes) {
      expect(statement.Resource.filter((r) => r.includes("/lake/Raw/"))).toEqual([]);
    }
  });
});
