import {
  CreateSecretCommand,
  GetSecretValueCommand,
  InvalidRequestException,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { putSecret, readSecret } from "../../../../pipeline/aws/secrets";
import { LakebookError } from "../../../../pipeline/contract";

const secrets = mockClient(SecretsManagerClient);
const client = new SecretsManagerClient({ region: "eu-west-1" });
const ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:lakebook/tmdb-AbCdEf";
const VALUE = '{"readAccessToken":"eyJ-SECRET-token-0123456789"}';
const SECRET = { name: "lakebook/tmdb", value: VALUE, description: "The TMDB credential." };
const exists = () =>
  new ResourceExistsException({ message: "The secret lakebook/tmdb already exists.", $metadata: {} });

beforeEach(() => secrets.reset());

describe("putSecret", () => {
  it("creates the secret the first time, with the exact request", async () => {
    secrets.on(CreateSecretCommand).resolves({ ARN, Name: "lakebook/tmdb" });
    expect(await putSecret(client, SECRET)).toEqual({ arn: ARN, action: "created" });
    expect(secrets.commandCalls(CreateSecretCommand).map((call) => call.args[0].input)).toEqual([
      { Name: "lakebook/tmdb", SecretString: VALUE, Description: "The TMDB credential." },
    ]);
    expect(secrets.commandCalls(PutSecretValueCommand)).toHaveLength(0);
  });

  it("puts a new value when the secret exists with another one", async () => {
    secrets.on(CreateSecretCommand).rejects(exists());
    secrets.on(GetSecretValueCommand).resolves({ ARN, SecretString: '{"apiKey":"old"}' });
    secrets.on(PutSecretValueCommand).resolves({ ARN });
    expect(await putSecret(client, SECRET)).toEqual({ arn: ARN, action: "updated" });
    expect(secrets.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input)).toEqual([
      { SecretId: "lakebook/tmdb" },
    ]);
    expect(secrets.commandCalls(PutSecretValueCommand).map((call) => call.args[0].input)).toEqual([
      { SecretId: "lakebook/tmdb", SecretString: VALUE },
    ]);
  });

  it("makes no new version when the value is unchanged, and puts one into a secret without a value", async () => {
    secrets.on(CreateSecretCommand).rejects(exists());
    secrets.on(GetSecretValueCommand).resolves({ ARN, SecretString: VALUE });
    expect(await putSecret(client, SECRET)).toEqual({ arn: ARN, action: "unchanged" });
    expect(secrets.commandCalls(PutSecretValueCommand)).toHaveLength(0);

    secrets.reset();
    secrets.on(CreateSecretCommand).rejects(exists());
    secrets.on(GetSecretValueCommand).rejects(
      new ResourceNotFoundException({
        message: "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
        $metadata: {},
      }),
    );
    secrets.on(PutSecretValueCommand).resolves({ ARN });
    expect(await putSecret(client, SECRET)).toEqual({ arn: ARN, action: "updated" });
  });

  it("explains a secret scheduled for deletion and access denied, never with the value", async () => {
    secrets.on(CreateSecretCommand).rejects(
      new InvalidRequestException({
        message: `You can't create this secret because a secret with this name is already scheduled for deletion. (${VALUE})`,
        $metadata: {},
      }),
    );
    const deleted = (await putSecret(client, SECRET).catch((e: unknown) => e)) as LakebookError;
    expect(deleted).toBeInstanceOf(LakebookError);
    expect(deleted.code).toBe("SECRET_SCHEDULED_FOR_DELETION");
    expect(deleted.hint).toContain("restore-secret --secret-id lakebook/tmdb");
    expect(JSON.stringify(deleted.toJSON())).not.toContain("SECRET-token");

    secrets.reset();
    secrets.on(CreateSecretCommand).rejects(
      Object.assign(new Error("not authorized to perform: secretsmanager:CreateSecret"), {
        name: "AccessDeniedException",
        $metadata: { httpStatusCode: 400 },
      }),
    );
    await expect(putSecret(client, SECRET)).rejects.toMatchObject({ code: "SECRETS_ACCESS_DENIED" });
  });
});

describe("readSecret", () => {
  it("reads the text value and maps a missing secret", async () => {
    secrets.on(GetSecretValueCommand).resolves({ ARN, SecretString: VALUE });
    expect(await readSecret(client, ARN)).toBe(VALUE);
    expect(secrets.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual({ SecretId: ARN });

    secrets.reset();
    secrets
      .on(GetSecretValueCommand)
      .rejects(new ResourceNotFoundException({ message: "not found", $metadata: {} }));
    await expect(readSecret(client, "lakebook/tmdb")).rejects.toMatchObject({ code: "SECRET_NOT_FOUND" });

    secrets.reset();
    secrets.on(GetSecretValueCommand).resolves({ ARN, SecretBinary: new Uint8Array([1]) });
    await expect(readSecret(client, "lakebook/tmdb")).rejects.toMatchObject({ code: "SECRET_NOT_TEXT" });
  });
});
