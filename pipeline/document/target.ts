/**
 * Where a notebook runs: the embedded local lake or an AWS account. Only ids and names live here —
 * credentials come from the AWS profile, never from the file (see secrets.ts).
 */
import { z } from "zod";
import { LakebookError } from "../contract/errors";
import type { Notebook } from "./model";

const text = z.string().min(1);

export const LocalTargetSchema = z.looseObject({
  kind: z.literal("local"),
  lake: text.optional().describe("a folder for the local lake, e.g. lake: .lakebook/lake"),
});

export const AwsTargetSchema = z.looseObject({
  kind: z.literal("aws"),
  bucket: text.describe("an S3 bucket name, e.g. bucket: my-horror-lake"),
  region: text.describe("an AWS region, e.g. region: eu-west-1"),
  profile: text.optional().describe("an AWS profile name from ~/.aws/config, e.g. profile: student"),
  prefix: z.string().optional().describe("a key prefix inside the bucket, e.g. prefix: lakebook/"),
  workgroup: text.optional().describe("an Athena workgroup name, e.g. workgroup: primary"),
  glueRole: text.optional().describe("an IAM role name or ARN for Glue jobs"),
  athenaOutput: text.optional().describe("an S3 URI for Athena results, e.g. s3://my-bucket/athena/"),
  quicksightUser: text.optional().describe("a QuickSight user name"),
});

export const TargetSchema = z.discriminatedUnion("kind", [LocalTargetSchema, AwsTargetSchema]);
export type Target = z.infer<typeof TargetSchema>;
export type LocalTarget = z.infer<typeof LocalTargetSchema>;
export type AwsTarget = z.infer<typeof AwsTargetSchema>;

/** A problem with `target`, with the path inside it so the reader can point at the right line. */
export interface TargetIssue {
  path: string[];
  problem: string;
  expected: string;
}

export function targetIssue(value: unknown): TargetIssue | undefined {
  const result = TargetSchema.safeParse(value);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  if (!issue) return { path: [], problem: "invalid target", expected: "kind: local or kind: aws" };
  const path = issue.path.map(String);
  const field = ["target", ...path].join(".");
  const present = valueAt(value, path) !== undefined;
  if (path.length === 0) {
    return { path, problem: '"target" is not a mapping', expected: "target: with kind: local or kind: aws" };
  }
  if (issue.code === "invalid_union" && path[0] === "kind") {
    const problem = present ? '"target.kind" is not a known kind' : '"target.kind" is missing';
    return { path, problem, expected: "kind: local or kind: aws" };
  }
  const help = fieldHelp(value, path[0] ?? "") ?? "a valid value";
  if (!present) return { path, problem: `"${field}" is missing`, expected: help };
  if (issue.code === "too_small") return { path, problem: `"${field}" is empty`, expected: help };
  if (issue.code === "invalid_type")
    return { path, problem: `"${field}" is not a ${issue.expected}`, expected: help };
  return { path, problem: `"${field}": ${issue.message}`, expected: help };
}

/** The validated target; a notebook without one runs locally. */
export function notebookTarget(nb: Notebook): Target {
  const value = nb.meta.target ?? { kind: "local" };
  const result = TargetSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = targetIssue(value);
  throw new LakebookError(
    "NOTEBOOK_INVALID",
    `invalid target: ${issue?.problem}; expected ${issue?.expected}`,
  );
}

function fieldHelp(value: unknown, key: string): string | undefined {
  const kind = (value as { kind?: unknown }).kind;
  const schema = kind === "aws" ? AwsTargetSchema : LocalTargetSchema;
  const field = (schema.shape as Record<string, z.ZodType | undefined>)[key];
  return field?.description;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let here = value;
  for (const key of path) {
    if (here === null || typeof here !== "object") return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}
