import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { LakebookError } from "../../contract/errors";
import { sdkErrorName } from "../sdk-errors";
import { secretsError } from "./secrets-errors";

export interface StoredSecret {
  arn: string;
  /** "unchanged": the secret already held this value, so no new version was made. */
  action: "created" | "updated" | "unchanged";
}

/**
 * Stores `value` under `name`: CreateSecret the first time; afterwards PutSecretValue, only when
 * the value changed (each put makes a version). The value goes in request bodies only.
 */
export async function putSecret(
  client: SecretsManagerClient,
  secret: { name: string; value: string; description: string },
): Promise<StoredSecret> {
  const context = { secretName: secret.name, secret: secret.value };
  try {
    const created = await client.send(
      new CreateSecretCommand({
        Name: secret.name,
        SecretString: secret.value,
        Description: secret.description,
      }),
    );
    return { arn: created.ARN ?? "", action: "created" };
  } catch (error) {
    if (sdkErrorName(error) !== "ResourceExistsException")
      throw secretsError(error, { ...context, action: "create" });
  }
  let current: { ARN?: string; SecretString?: string };
  try {
    current = await client.send(new GetSecretValueCommand({ SecretId: secret.name }));
  } catch (error) {
    // A secret with no value yet has no AWSCURRENT version to read: store one.
    if (sdkErrorName(error) !== "ResourceNotFoundException")
      throw secretsError(error, { ...context, action: "read" });
    current = {};
  }
  if (current.SecretString === secret.value) return { arn: current.ARN ?? "", action: "unchanged" };
  try {
    const put = await client.send(
      new PutSecretValueCommand({ SecretId: secret.name, SecretString: secret.value }),
    );
    return { arn: put.ARN ?? "", action: "updated" };
  } catch (error) {
    throw secretsError(error, { ...context, action: "store a new value in" });
  }
}

/** The secret's current text value (GetSecretValue); a binary-only secret is refused. */
export async function readSecret(client: SecretsManagerClient, secretId: string): Promise<string> {
  let answer: { SecretString?: string };
  try {
    answer = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  } catch (error) {
    throw secretsError(error, { action: "read", secretName: secretId });
  }
  if (typeof answer.SecretString !== "string") {
    throw new LakebookError("SECRET_NOT_TEXT", `The secret ${secretId} holds no text value.`, {
      hint: "Run the TMDB cell on AWS again from Lakebook: it stores the TMDB credential as text.",
      params: { secret: secretId },
    });
  }
  return answer.SecretString;
}
