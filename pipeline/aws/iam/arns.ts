import type { IamScope } from "./scope";

/*
 * Resource ARNs, one builder per kind, in the formats of AWS's Service Authorization Reference
 * (docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
 * A trailing `*` in an ARN means "every object below": the policy simulator reads a request's ARN as
 * text, so a policy must grant at least that folder for it to match, which is what the run needs.
 */

/** The partition of a region: China and GovCloud regions live in their own. */
export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

export const s3Bucket = (scope: Pick<IamScope, "partition">, bucket: string) =>
  `arn:${scope.partition}:s3:::${bucket}`;

/** Objects under `folder` (a key prefix inside the lake), e.g. `Raw/Local/CSV/`. */
export const lakeObjects = (scope: IamScope, folder: string) =>
  `arn:${scope.partition}:s3:::${scope.bucket}/${scope.prefix}${folder}*`;

/** s3://bucket/path/ → the bucket and the key prefix; undefined when it is not an S3 URI. */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match?.[1]) return undefined;
  return { bucket: match[1], key: match[2] ?? "" };
}

// Glue: docs.aws.amazon.com/glue/latest/dg/glue-specifying-resource-arns.html
const glue = (scope: IamScope, rest: string) =>
  `arn:${scope.partition}:glue:${scope.region}:${scope.account}:${rest}`;
export const glueCatalog = (scope: IamScope) => glue(scope, "catalog");
export const glueDatabase = (scope: IamScope, database: string) => glue(scope, `database/${database}`);
export const glueTable = (scope: IamScope, database: string, table: string) =>
  glue(scope, `table/${database}/${table}`);
export const glueJob = (scope: IamScope, jobName: string) => glue(scope, `job/${jobName}`);

/** A catalog action needs the catalog, the database and the table (Glue's hierarchy). */
export function glueTableChain(scope: IamScope, qualified: readonly string[]): string[] {
  const arns = new Set<string>([glueCatalog(scope)]);
  for (const name of qualified) {
    const [database, table] = name.split(".");
    if (!database) continue;
    arns.add(glueDatabase(scope, database));
    if (table) arns.add(glueTable(scope, database, table));
  }
  return [...arns];
}

export const athenaWorkgroup = (scope: IamScope) =>
  `arn:${scope.partition}:athena:${scope.region}:${scope.account}:workgroup/${scope.workgroup}`;

export const lambdaFunction = (scope: IamScope, name: string) =>
  `arn:${scope.partition}:lambda:${scope.region}:${scope.account}:function:${name}`;

/**
 * Secrets Manager ends every secret's ARN with `-` and six random characters; `??????` (six single
 * characters) is the narrowest pattern that names the secret whatever they are.
 */
export const secret = (scope: IamScope, name: string) =>
  `arn:${scope.partition}:secretsmanager:${scope.region}:${scope.account}:secret:${name}-??????`;

export const logGroup = (scope: IamScope, name: string) =>
  `arn:${scope.partition}:logs:${scope.region}:${scope.account}:log-group:${name}`;
export const logStreams = (scope: IamScope, name: string) => `${logGroup(scope, name)}:log-stream:*`;

export const quicksight = (scope: IamScope, kind: string, id: string, region = scope.region) =>
  `arn:${scope.partition}:quicksight:${region}:${scope.account}:${kind}/${id}`;

/** A role given by name (`AWSGlueServiceRole-lakebook`) or ARN; a name has no path, an ARN keeps its own. */
export function roleArn(scope: Pick<IamScope, "partition" | "account">, nameOrArn: string): string {
  if (nameOrArn.startsWith("arn:")) return nameOrArn;
  return `arn:${scope.partition}:iam::${scope.account}:role/${nameOrArn}`;
}
