import { AthenaClient } from "@aws-sdk/client-athena";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { GlueClient } from "@aws-sdk/client-glue";
import { IAMClient } from "@aws-sdk/client-iam";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { QuickSightClient } from "@aws-sdk/client-quicksight";
import type { S3Client } from "@aws-sdk/client-s3";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { STSClient } from "@aws-sdk/client-sts";
import { createS3Client, type S3ClientSettings } from "./s3/s3-client";

// Stages name the clients they are handed by these types, never by importing the SDK themselves.
export type {
  AthenaClient,
  CloudWatchLogsClient,
  GlueClient,
  IAMClient,
  LambdaClient,
  QuickSightClient,
  S3Client,
  SecretsManagerClient,
  STSClient,
};

/** Credentials given in code: tests only. Everyone else uses the SDK's default chain. */
export type AwsCredentials = S3ClientSettings["credentials"];

/** The region and the profile *name* a notebook's aws target gives; credentials come from the SDK chain. */
export interface AwsClientSettings {
  region?: string;
  profile?: string;
  credentials?: AwsCredentials;
  /** An S3-compatible server (s3rver, MinIO) for S3 only; the other services are always AWS's. */
  s3Endpoint?: string;
}

/**
 * One client per AWS service, made on first use: a local run never builds any, and a stage asks
 * only for the services it calls. Tests replace the clients with aws-sdk-client-mock.
 */
export interface AwsClients {
  glue(): GlueClient;
  athena(): AthenaClient;
  logs(): CloudWatchLogsClient;
  lambda(): LambdaClient;
  secrets(): SecretsManagerClient;
  /** The lake's bucket and the control-plane uploads (scripts, specs), with the lake's S3 settings. */
  s3(): S3Client;
  sts(): STSClient;
  /** IAM (global): the permissions doctor's policy simulator and the caller's role. */
  iam(): IAMClient;
  /** QuickSight in the target's region: data sources, datasets, analyses, dashboards. */
  quicksight(): QuickSightClient;
  /** QuickSight in its identity region, where users and groups live (often us-east-1). */
  quicksightIn(identityRegion: string): QuickSightClient;
  destroy(): void;
}

/** The settings every client shares, whichever service: the one place region, profile and credentials are read. */
function sdkConfig(settings: AwsClientSettings) {
  return {
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.profile ? { profile: settings.profile } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  };
}

// One maker per service, each a declaration of its own, so a bundle that uses two (the TMDB
// function's) carries only those two SDK clients.
const makeS3 = (settings: AwsClientSettings) =>
  createS3Client({
    ...sdkConfig(settings),
    ...(settings.s3Endpoint ? { endpoint: settings.s3Endpoint } : {}),
  });
const makeSecrets = (settings: AwsClientSettings) => new SecretsManagerClient(sdkConfig(settings));

/** Clients made on first use and destroyed together. */
function clientCache() {
  const made = new Map<string, { destroy(): void }>();
  return {
    once<T extends { destroy(): void }>(name: string, make: () => T): T {
      const existing = made.get(name);
      if (existing) return existing as T;
      const client = make();
      made.set(name, client);
      return client;
    },
    destroy() {
      for (const client of made.values()) client.destroy();
      made.clear();
    },
  };
}

/** The one AWS client factory: every client Lakebook makes gets the same region, profile and S3 settings. */
export function awsClients(settings: AwsClientSettings = {}): AwsClients {
  const config = sdkConfig(settings);
  const { once, destroy } = clientCache();
  const quicksightIn = (region: string | undefined) =>
    once(`quicksight:${region ?? ""}`, () => new QuickSightClient(region ? { ...config, region } : config));
  return {
    glue: () => once("glue", () => new GlueClient(config)),
    athena: () => once("athena", () => new AthenaClient(config)),
    logs: () => once("logs", () => new CloudWatchLogsClient(config)),
    lambda: () => once("lambda", () => new LambdaClient(config)),
    secrets: () => once("secrets", () => makeSecrets(settings)),
    s3: () => once("s3", () => makeS3(settings)),
    sts: () => once("sts", () => new STSClient(config)),
    iam: () => once("iam", () => new IAMClient(config)),
    quicksight: () => quicksightIn(settings.region),
    quicksightIn: (identityRegion) => quicksightIn(identityRegion),
    destroy,
  };
}

/**
 * The same factory for code that runs inside the TMDB Lambda function: only S3 (the lake) and
 * Secrets Manager (the TMDB credential), so the function's zip bundles no other SDK client.
 */
export function functionClients(
  settings: AwsClientSettings = {},
): Pick<AwsClients, "s3" | "secrets" | "destroy"> {
  const { once, destroy } = clientCache();
  return {
    s3: () => once("s3", () => makeS3(settings)),
    secrets: () => once("secrets", () => makeSecrets(settings)),
    destroy,
  };
}
