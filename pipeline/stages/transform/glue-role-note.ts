import { glueJobRolePolicy } from "../../aws/glue";
import { LakebookError } from "../../contract";
import type { AwsTarget } from "../../document";

/** The Glue role's policy for this lake, as the cell shows it (JSON, two-space indent). */
export function glueRolePolicyText(target: AwsTarget): string {
  const prefix = (target.prefix ?? "").replace(/^\/+|\/+$/g, "");
  return JSON.stringify(
    glueJobRolePolicy({ bucket: target.bucket, prefix: prefix ? `${prefix}/` : "", region: target.region }),
    null,
    2,
  );
}

export function glueRoleNote(target: AwsTarget): string {
  return `The Glue job role (${target.glueRole}) needs AWSGlueServiceRole and this inline policy (the lake's S3 folders, _lakebook/glue/, and the Glue Data Catalog writes):\n${glueRolePolicyText(target)}`;
}

/**
 * A run Glue could not start (GLUE_JOB_ERROR) or one refused access mid-way is usually the role:
 * AWSGlueServiceRole alone cannot read the lake or write the catalog. The hint then carries the
 * exact policy to attach, not a description of it.
 */
export function withRolePolicyHint(error: unknown, target: AwsTarget): unknown {
  if (!(error instanceof LakebookError)) return error;
  const roleTrouble =
    error.code === "GLUE_JOB_ERROR" ||
    (error.code === "GLUE_JOB_FAILED" && /AccessDenied|not authorized to perform|403/i.test(error.message));
  if (!roleTrouble) return error;
  return new LakebookError(error.code, error.message, {
    hint: `${error.hint ? `${error.hint} ` : ""}Attach this inline policy to the role ${target.glueRole} beside AWSGlueServiceRole:\n${glueRolePolicyText(target)}`,
    retryable: error.retryable,
    cause: error,
  });
}
