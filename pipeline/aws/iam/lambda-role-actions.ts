import { lakeObjects, logGroup, logStreams, s3Bucket, secret } from "./arns";
import type { IamScope, PermissionNeed } from "./scope";

/**
 * What the TMDB function itself does, as its execution role (`lambda: {roleArn}`): read the TMDB
 * credential, read the titles and write RAW JSON, checkpoints and status in the lake, take and drop
 * its lease on the checkpoint (`../../stages/tmdb/lambda/lease.ts`), and write its
 * own log (what AWSLambdaBasicExecutionRole grants, narrowed to this function's log group).
 * See ../../stages/tmdb/lambda/handler.ts.
 */
export function lambdaRoleActions(
  scope: IamScope,
  plan: { functionName: string; secretName: string },
): PermissionNeed[] {
  const group = `/aws/lambda/${plan.functionName}`;
  return [
    {
      why: "read the TMDB credential",
      actions: ["secretsmanager:GetSecretValue"],
      resources: [secret(scope, plan.secretName)],
    },
    {
      why: "read the titles and write the TMDB JSON files, the checkpoint and the run's status",
      actions: ["s3:GetObject", "s3:PutObject"],
      resources: [lakeObjects(scope, "Raw/TMDB/JSON/"), lakeObjects(scope, "_lakebook/tmdb/")],
    },
    {
      // Never in RAW (append-only): only Lakebook's own folder, where the lease lives.
      why: "remove its lease on the checkpoint when done, or one whose holder is gone",
      actions: ["s3:DeleteObject"],
      resources: [lakeObjects(scope, "_lakebook/tmdb/")],
    },
    {
      why: "list the day's TMDB files to resume a run",
      actions: ["s3:ListBucket"],
      resources: [s3Bucket(scope, scope.bucket)],
      condition: { key: "s3:prefix", value: `${scope.prefix}Raw/TMDB/JSON/`, allow: `${scope.prefix}*` },
    },
    {
      why: "write the function's log",
      actions: ["logs:CreateLogGroup"],
      resources: [logGroup(scope, group)],
    },
    {
      why: "write the function's log",
      actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
      resources: [logStreams(scope, group)],
    },
  ];
}

/** Who may assume the function's role. */
export const LAMBDA_TRUST_SERVICE = "lambda.amazonaws.com";
