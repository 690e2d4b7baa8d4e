/**
 * What a notebook's aws target and the caller's account give the action lists: the names every
 * resource ARN is built from. Plain data, so the lists stay data and the service fills it from the
 * notebook (this room never reads notebooks).
 */
export interface IamScope {
  /** `aws`, `aws-cn` or `aws-us-gov`: from the caller's ARN, so ARNs match the account's partition. */
  partition: string;
  account: string;
  region: string;
  bucket: string;
  /** The lake's key prefix inside the bucket, "" or ending in "/". */
  prefix: string;
  workgroup: string;
  /** The notebook's `athenaOutput` (s3://bucket/path/), when it sets one. */
  athenaOutput?: string;
}

/** A condition the simulator must be given a value for, and the pattern the policy allows. */
export interface NeedCondition {
  key: string;
  /** The value this run sends (the simulator's ContextEntries). */
  value: string;
  /** What the generated policy allows (StringLike). */
  allow: string;
}

/** One thing a stage does to AWS: the IAM actions, on exactly these resources. */
export interface PermissionNeed {
  /** In the user's words: why the stage needs it. */
  why: string;
  actions: readonly string[];
  resources: readonly string[];
  condition?: NeedCondition;
}

/** `lakebook/` → `lakebook/`, `/lakebook` → `lakebook/`, undefined → "". */
export function lakePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "" : `${trimmed}/`;
}
