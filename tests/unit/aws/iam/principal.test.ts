import { GetRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { callerIdentity, parseCallerArn } from "../../../../pipeline/aws/iam";

const sts = mockClient(STSClient);
const iam = mockClient(IAMClient);
const stsClient = new STSClient({ region: "us-east-1" });
const iamClient = new IAMClient({ region: "us-east-1" });

beforeEach(() => {
  sts.reset();
  iam.reset();
});

const caller = (Arn: string) =>
  sts.on(GetCallerIdentityCommand).resolves({ Arn, Account: "123456789012", UserId: "AIDAEXAMPLE" });

// GetCallerIdentity: docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
// Assumed-role session ARNs drop the role's path: docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
describe("callerIdentity", () => {
  it("simulates an IAM user as itself", async () => {
    caller("arn:aws:iam::123456789012:user/students/ana");
    expect(await callerIdentity(stsClient, iamClient)).toEqual({
      arn: "arn:aws:iam::123456789012:user/students/ana",
      account: "123456789012",
      partition: "aws",
      simulated: "arn:aws:iam::123456789012:user/students/ana",
    });
    expect(iam.commandCalls(GetRoleCommand)).toHaveLength(0);
  });

  it("maps an assumed-role session to its role, with the path GetRole gives", async () => {
    caller("arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Student_0a1b/ana@example.com");
    iam.on(GetRoleCommand).resolves({
      Role: {
        RoleName: "AWSReservedSSO_Student_0a1b",
        Arn: "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Student_0a1b",
        Path: "/aws-reserved/sso.amazonaws.com/",
        RoleId: "AROAEXAMPLEEXAMPLE",
        CreateDate: new Date(0),
      },
    });
    const identity = await callerIdentity(stsClient, iamClient);
    expect(identity.simulated).toBe(
      "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Student_0a1b",
    );
    expect(iam.commandCalls(GetRoleCommand)[0]?.args[0].input).toEqual({
      RoleName: "AWSReservedSSO_Student_0a1b",
    });
  });

  it("falls back to the path-less role ARN, and says so, without iam:GetRole", async () => {
    caller("arn:aws:sts::123456789012:assumed-role/lakebook-student/session-1");
    iam.on(GetRoleCommand).rejects(Object.assign(new Error("not authorized"), { name: "AccessDenied" }));
    const identity = await callerIdentity(stsClient, iamClient);
    expect(identity.simulated).toBe("arn:aws:iam::123456789012:role/lakebook-student");
    expect(identity.note).toMatch(/iam:GetRole/);
  });

  it("has nothing to simulate for root or a federated user", async () => {
    caller("arn:aws:iam::123456789012:root");
    expect((await callerIdentity(stsClient, iamClient)).simulated).toBeUndefined();
    caller("arn:aws:sts::123456789012:federated-user/ana");
    expect((await callerIdentity(stsClient, iamClient)).note).toMatch(/federated/);
  });

  it("keeps the partition of a China or GovCloud account", () => {
    expect(parseCallerArn("arn:aws-cn:sts::123456789012:assumed-role/r/s")).toMatchObject({
      kind: "assumed-role",
      partition: "aws-cn",
      name: "r",
      session: "s",
    });
  });

  it("reports credentials that do not work as a credentials error", async () => {
    sts.on(GetCallerIdentityCommand).rejects(
      Object.assign(new Error("The security token included in the request is invalid."), {
        name: "InvalidClientTokenId",
      }),
    );
    await expect(callerIdentity(stsClient, iamClient)).rejects.toMatchObject({
      code: expect.stringMatching(/^AWS_CREDENTIALS|IAM_/),
    });
  });
});
