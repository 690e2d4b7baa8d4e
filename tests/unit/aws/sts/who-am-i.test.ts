import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { type AwsClientSettings, awsClients } from "../../../../pipeline/aws/clients";
import { whoAmI } from "../../../../pipeline/aws/sts";

const sts = mockClient(STSClient);
beforeEach(() => sts.reset());

/** The real factory, recording what it was asked for. */
function recordingFactory() {
  const asked: AwsClientSettings[] = [];
  return {
    asked,
    clientsFor: (settings: AwsClientSettings) => {
      asked.push(settings);
      return awsClients(settings);
    },
  };
}

describe("who am I (STS GetCallerIdentity)", () => {
  it("asks STS, with no parameters, through the client factory with the picked profile and region", async () => {
    sts.on(GetCallerIdentityCommand).resolves({
      Account: "123456789012",
      Arn: "arn:aws:sts::123456789012:assumed-role/Student/alice",
      UserId: "AROAEXAMPLE:alice",
    });
    const { asked, clientsFor } = recordingFactory();
    await expect(whoAmI({ profile: "course", region: "eu-west-1" }, clientsFor)).resolves.toEqual({
      account: "123456789012",
      arn: "arn:aws:sts::123456789012:assumed-role/Student/alice",
    });
    expect(asked).toEqual([{ profile: "course", region: "eu-west-1" }]);
    expect(sts.commandCalls(GetCallerIdentityCommand).map((call) => call.args[0].input)).toEqual([{}]);
  });

  it("turns missing or expired credentials into AWS_CREDENTIALS with the hint", async () => {
    sts.on(GetCallerIdentityCommand).rejects(
      Object.assign(new Error("The security token included in the request is expired"), {
        name: "ExpiredTokenException",
      }),
    );
    await expect(whoAmI({ profile: "course", region: "eu-west-1" })).rejects.toMatchObject({
      code: "AWS_CREDENTIALS",
      message: expect.stringContaining("course"),
      hint: expect.stringContaining("aws sso login"),
    });
  });

  it("names a region where STS is off", async () => {
    sts
      .on(GetCallerIdentityCommand)
      .rejects(
        Object.assign(new Error("STS is not activated in this region"), { name: "RegionDisabledException" }),
      );
    await expect(whoAmI({ region: "ap-east-1" })).rejects.toMatchObject({ code: "STS_REGION_DISABLED" });
  });
});
