import { HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { checkBucket } from "../../../../pipeline/aws/s3";
import { testTargetConnection } from "../../../../pipeline/service";

const s3 = mockClient(S3Client);
const sts = mockClient(STSClient);
beforeEach(() => {
  s3.reset();
  sts.reset();
});

/** An S3 HEAD failure as the SDK throws it: no body, so a status (and S3's region header). */
function headFailure(name: string, status: number, bucketRegion?: string) {
  return Object.assign(new Error(name), {
    name,
    $metadata: { httpStatusCode: status },
    $response: { statusCode: status, headers: bucketRegion ? { "x-amz-bucket-region": bucketRegion } : {} },
  });
}

describe("the target's bucket check (S3 HeadBucket)", () => {
  const client = () => new S3Client({ region: "eu-west-1" });

  it("asks HeadBucket for the bucket only, and says where it lives", async () => {
    s3.on(HeadBucketCommand).resolves({ BucketRegion: "eu-west-1" });
    await expect(checkBucket(client(), "my-lake", "eu-west-1")).resolves.toEqual({
      bucketRegion: "eu-west-1",
    });
    expect(s3.commandCalls(HeadBucketCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: "my-lake" },
    ]);
  });

  it.each([
    ["NotFound", 404, undefined, "TARGET_NO_BUCKET", /no bucket named my-lake/],
    ["Forbidden", 403, undefined, "TARGET_ACCESS_DENIED", /access denied/],
    ["301", 301, "us-east-2", "TARGET_WRONG_REGION", /lives in us-east-2/],
    ["BadRequest", 400, "us-east-2", "TARGET_WRONG_REGION", /not in eu-west-1/],
    ["CredentialsProviderError", 0, undefined, "AWS_CREDENTIALS", /No working AWS credentials/],
  ])("%s (%i) → %s", async (name, status, region, code, message) => {
    s3.on(HeadBucketCommand).rejects(headFailure(name, status, region));
    await expect(checkBucket(client(), "my-lake", "eu-west-1")).rejects.toMatchObject({
      code,
      message: expect.stringMatching(message),
      hint: expect.any(String),
    });
  });
});

describe("Test connection: who am I, then the bucket", () => {
  it("answers the identity and the bucket when both work", async () => {
    sts
      .on(GetCallerIdentityCommand)
      .resolves({ Account: "123456789012", Arn: "arn:aws:iam::123456789012:user/a" });
    s3.on(HeadBucketCommand).resolves({ BucketRegion: "eu-west-1" });
    await expect(
      testTargetConnection({ profile: "course", region: "eu-west-1", bucket: "my-lake" }),
    ).resolves.toEqual({
      profile: "course",
      region: "eu-west-1",
      account: "123456789012",
      arn: "arn:aws:iam::123456789012:user/a",
      bucket: "my-lake",
      bucketRegion: "eu-west-1",
    });
  });

  it("stops at the credentials when STS refuses them, before any S3 request", async () => {
    sts
      .on(GetCallerIdentityCommand)
      .rejects(Object.assign(new Error("no creds"), { name: "CredentialsProviderError" }));
    await expect(testTargetConnection({ region: "eu-west-1", bucket: "my-lake" })).rejects.toMatchObject({
      code: "AWS_CREDENTIALS",
    });
    expect(s3.commandCalls(HeadBucketCommand)).toEqual([]);
  });
});
