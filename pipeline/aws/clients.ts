import { AthenaClient } from "@aws-sdk/client-athena";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { GlueClient } from "@aws-sdk/client-glue";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { S3Client } from "@aws-sdk/client-s3";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

/** The region and the profile *name* a notebook's aws target gives; credentials come from the SDK chain. */
export interface AwsClientSettings {
  region?: string;
  profile?: string;
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
  /** For the control-plane uploads (scripts, specs); the lake's own objects go through its ObjectStore. */
  s3(): S3Client;
  destroy(): void;
}

export function awsClients(settings: AwsClientSettings = {}): AwsClients {
  const config = {
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.profile ? { profile: settings.profile } : {}),
  };
  const made = new Map<string, { destroy(): void }>();
  const once = <T extends { destroy(): void }>(name: string, make: () => T): (() => T) => {
    return () => {
      const existing = made.get(name);
      if (existing) return existing as T;
      const client = make();
      made.set(name, client);
      return client;
    };
  };
  return {
    glue: once("glue", () => new GlueClient(config)),
    athena: once("athena", () => new AthenaClient(config)),
    logs: once("logs", () => new CloudWatchLogsClient(config)),
    lambda: once("lambda", () => new LambdaClient(config)),
    secrets: once("secrets", () => new SecretsManagerClient(config)),
    s3: once("s3", () => new S3Client({ ...config, requestChecksumCalculation: "WHEN_REQUIRED" })),
    destroy: () => {
      for (const client of made.values()) client.destroy();
      made.clear();
    },
  };
}
