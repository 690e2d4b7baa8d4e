import { LakebookError } from "../../../contract";
import type { TmdbCredentials } from "../client";

/** The Secrets Manager secret that holds the TMDB credential for the Lambda (its name, not a secret). */
export const TMDB_SECRET_NAME = "lakebook/tmdb";

/** The secret's text: `{"readAccessToken": …}` or `{"apiKey": …}`, the client's own shape. */
export function secretTextOf(credentials: TmdbCredentials): string {
  return JSON.stringify(
    "readAccessToken" in credentials
      ? { readAccessToken: credentials.readAccessToken }
      : { apiKey: credentials.apiKey },
  );
}

/** Reads the secret's text back; the error never quotes it. */
export function credentialsOfSecret(text: string, secretId: string): TmdbCredentials {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const record = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof record.readAccessToken === "string" && record.readAccessToken.trim() !== "") {
    return { readAccessToken: record.readAccessToken.trim() };
  }
  if (typeof record.apiKey === "string" && record.apiKey.trim() !== "")
    return { apiKey: record.apiKey.trim() };
  throw new LakebookError(
    "TMDB_SECRET_INVALID",
    `The secret ${secretId} does not hold a TMDB credential as Lakebook stores it.`,
    {
      hint: 'Run the TMDB cell on AWS from Lakebook again: it stores {"readAccessToken": …} or {"apiKey": …} there.',
    },
  );
}
