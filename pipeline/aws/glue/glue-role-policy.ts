import { type ActionList, fillTemplate } from "../iam/action-list";
import { partitionOf } from "../iam/arns";
import { GLUE_JOB_ROLE } from "../iam/glue-job-role";

export interface RolePolicyPlace {
  bucket: string;
  /** The lake's folder in the bucket: "" or ending in "/". */
  prefix?: string;
  region: string;
  /** Unknown until STS is asked: `*` then, which still ties every ARN to the region and names. */
  account?: string;
}

/**
 * The Glue job role's inline policy, from the one list in `../iam/glue-job-role.ts`: one statement
 * per purpose, the templates filled for this lake. Attach it beside AWSGlueServiceRole.
 */
export function glueJobRolePolicy(
  place: RolePolicyPlace,
  lists: readonly ActionList[] = GLUE_JOB_ROLE,
): {
  Version: "2012-10-17";
  Statement: { Sid: string; Effect: "Allow"; Action: string[]; Resource: string[] }[];
} {
  const fill = (template: string) =>
    fillTemplate(template, {
      partition: partitionOf(place.region),
      bucket: place.bucket,
      lake: place.prefix ?? "",
      region: place.region,
      account: place.account ?? "*",
    });
  return {
    Version: "2012-10-17",
    Statement: lists.map((list) => ({
      Sid: list.purpose,
      Effect: "Allow",
      Action: [...list.actions],
      Resource: list.resources.map(fill),
    })),
  };
}
