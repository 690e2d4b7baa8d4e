import { readFileSync } from "node:fs";
import { CreateTableCommand, GlueClient } from "@aws-sdk/client-glue";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import * as clientMock from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { takeRequestViolations } from "../../../helpers/aws-models/watched-requests";

// These tests send bad requests on purpose and take the violations themselves; the setup file's
// afterEach would otherwise fail them.
afterEach(() => {
  takeRequestViolations();
});

const found = () => takeRequestViolations().map((v) => `${v.request} ${v.path} ${v.rule}`);

describe("every AWS request a test sends is checked", () => {
  it("is set up for every test file by vitest.config.ts", () => {
    const config = readFileSync(new URL("../../../../vitest.config.ts", import.meta.url), "utf8");
    expect(config).toContain('setupFiles: ["tests/helpers/aws-models/setup.ts"]');
    expect((clientMock as Record<string, unknown>).requestsCheckedAgainstAwsModels).toBe(true);
  });

  it("checks what goes through a mocked client, a class or an instance", async () => {
    const glue = clientMock.mockClient(GlueClient);
    glue.on(CreateTableCommand).resolves({});
    const client = new GlueClient({ region: "us-east-1" });
    await client.send(new CreateTableCommand({ DatabaseName: "raw", TableInput: {} as never }));
    expect(found()).toEqual(["GlueClient.CreateTable TableInput.Name required"]);
    glue.restore();

    const instance = clientMock.mockClient(new GlueClient({ region: "us-east-1" }));
    instance.resolves({});
    expect(found()).toEqual([]);
  });

  it("checks calls made before a mid-test reset", async () => {
    const glue = clientMock.mockClient(GlueClient);
    await new GlueClient({ region: "us-east-1" }).send(
      new CreateTableCommand({ DatabaseName: "", TableInput: { Name: "movies" } }),
    );
    glue.reset();
    expect(found()).toEqual(["GlueClient.CreateTable DatabaseName length"]);
    glue.restore();
  });

  it("checks what a real client sends", async () => {
    const s3 = new S3Client({
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9",
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "example" },
    });
    const put = new PutObjectCommand({ Bucket: "lake", Key: "a", Body: "x", StorageClass: "COLD" as never });
    await expect(s3.send(put)).rejects.toThrow();
    expect(found()).toEqual(["S3Client.PutObject StorageClass enum"]);
  });
});
