import { IAMClient, SimulatePrincipalPolicyCommand } from "@aws-sdk/client-iam";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { type PermissionCheck, simulateChecks } from "../../../../pipeline/aws/iam";

const iam = mockClient(IAMClient);
const client = new IAMClient({ region: "us-east-1" });
const ROLE = "arn:aws:iam::123456789012:role/student";
const OBJECTS = "arn:aws:s3:::my-lake/course/Raw/Local/CSV/*";
const BUCKET = "arn:aws:s3:::my-lake";

beforeEach(() => iam.reset());

const put: PermissionCheck = { action: "s3:PutObject", resource: OBJECTS };
const get: PermissionCheck = { action: "s3:GetObject", resource: OBJECTS };

// EvalDecision and its details: docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html
describe("simulateChecks", () => {
  it("asks once per resource, with every action on it, and reads allowed and implicitDeny", async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      IsTruncated: false,
      EvaluationResults: [
        { EvalActionName: "s3:PutObject", EvalResourceName: OBJECTS, EvalDecision: "allowed" },
        { EvalActionName: "s3:GetObject", EvalResourceName: OBJECTS, EvalDecision: "implicitDeny" },
      ],
    });
    expect(await simulateChecks(client, ROLE, [put, get])).toEqual([
      { action: "s3:PutObject", resource: OBJECTS, decision: "allowed" },
      {
        action: "s3:GetObject",
        resource: OBJECTS,
        decision: "denied",
        reason: "no policy of the identity allows it",
      },
    ]);
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input)).toEqual([
      { PolicySourceArn: ROLE, ActionNames: ["s3:PutObject", "s3:GetObject"], ResourceArns: [OBJECTS] },
    ]);
  });

  it("names the policy of an explicit deny from MatchedStatements", async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [
        {
          EvalActionName: "s3:PutObject",
          EvalDecision: "explicitDeny",
          MatchedStatements: [{ SourcePolicyId: "no-raw-writes", SourcePolicyType: "user-managed" }],
        },
      ],
    });
    expect(await simulateChecks(client, ROLE, [put])).toEqual([
      {
        action: "s3:PutObject",
        resource: OBJECTS,
        decision: "denied",
        reason: "explicitly denied by no-raw-writes",
      },
    ]);
  });

  it("denies what an SCP or the permissions boundary does not allow, even when a policy allows it", async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [
        {
          EvalActionName: "s3:PutObject",
          EvalDecision: "allowed",
          OrganizationsDecisionDetail: { AllowedByOrganizations: false },
        },
        {
          EvalActionName: "s3:GetObject",
          EvalDecision: "allowed",
          PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false },
        },
      ],
    });
    const results = await simulateChecks(client, ROLE, [put, get]);
    expect(results.map((r) => [r.decision, r.reason])).toEqual([
      ["denied", "denied by a service control policy of the organization"],
      ["denied", "outside the identity's permissions boundary"],
    ]);
  });

  it("reads the resource's own decision when the answer has ResourceSpecificResults", async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [
        {
          EvalActionName: "s3:PutObject",
          EvalDecision: "allowed",
          ResourceSpecificResults: [{ EvalResourceName: OBJECTS, EvalResourceDecision: "implicitDeny" }],
        },
      ],
    });
    expect((await simulateChecks(client, ROLE, [put]))[0]?.decision).toBe("denied");
  });

  it("pages with Marker while IsTruncated", async () => {
    iam
      .on(SimulatePrincipalPolicyCommand)
      .resolvesOnce({
        IsTruncated: true,
        Marker: "page-2",
        EvaluationResults: [{ EvalActionName: "s3:PutObject", EvalDecision: "allowed" }],
      })
      .resolvesOnce({
        IsTruncated: false,
        EvaluationResults: [{ EvalActionName: "s3:GetObject", EvalDecision: "allowed" }],
      });
    const results = await simulateChecks(client, ROLE, [put, get], { pageSize: 1 });
    expect(results.map((r) => r.decision)).toEqual(["allowed", "allowed"]);
    const inputs = iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input);
    expect(inputs.map((i) => [i.MaxItems, i.Marker])).toEqual([
      [1, undefined],
      [1, "page-2"],
    ]);
  });

  it("gives a ListBucket's s3:prefix as ContextEntries, in its own request", async () => {
    // s3:prefix is the condition key ListObjectsV2 is authorized with
    // (docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html).
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [{ EvalActionName: "s3:ListBucket", EvalDecision: "allowed" }],
    });
    const list: PermissionCheck = {
      action: "s3:ListBucket",
      resource: BUCKET,
      condition: { key: "s3:prefix", value: "course/Raw/TMDB/JSON/", allow: "course/*" },
    };
    await simulateChecks(client, ROLE, [list]);
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input.ContextEntries).toEqual([
      { ContextKeyName: "s3:prefix", ContextKeyValues: ["course/Raw/TMDB/JSON/"], ContextKeyType: "string" },
    ]);
  });

  it("says could not check, never denied, when the identity may not simulate", async () => {
    const denied = Object.assign(
      new Error(
        "User: arn:aws:iam::123456789012:user/student is not authorized to perform: iam:SimulatePrincipalPolicy",
      ),
      {
        name: "AccessDenied",
        $metadata: { httpStatusCode: 403 },
      },
    );
    iam.on(SimulatePrincipalPolicyCommand).rejects(denied);
    const results = await simulateChecks(client, ROLE, [put, { action: "s3:ListBucket", resource: BUCKET }]);
    expect(results.map((r) => r.decision)).toEqual(["unchecked", "unchecked"]);
    expect(results[0]?.reason).toMatch(/iam:SimulatePrincipalPolicy/);
  });
});
