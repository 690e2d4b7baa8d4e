import { fillTemplate } from "./action-list";
import { glueTableChain, lakeObjects, s3Bucket } from "./arns";
import { GLUE_JOB_ROLE } from "./glue-job-role";
import type { IamScope, NeedCondition, PermissionNeed } from "./scope";

/** What one notebook's transform cells read and write. */
export interface TransformJobPlan {
  reads: readonly string[];
  writes: readonly string[];
  inputFolders: readonly string[];
}

type Narrowed = { resources: readonly string[]; condition?: NeedCondition } | undefined;

/**
 * Per purpose of `GLUE_JOB_ROLE`, its resources for this notebook's cells (exact tables and
 * folders); undefined drops the grant (no outputs, nothing to write). A purpose not named here keeps
 * the role list's resources, filled for this account.
 */
const NARROWED: Readonly<Record<string, (scope: IamScope, plan: TransformJobPlan) => Narrowed>> = {
  ReadRunnerScriptAndSpec: (scope) => ({ resources: [lakeObjects(scope, "_lakebook/glue/")] }),
  ListTheLake: (scope, plan) => ({
    resources: [s3Bucket(scope, scope.bucket)],
    condition: {
      key: "s3:prefix",
      value: `${scope.prefix}${outputFolders(plan)[0] ?? ""}`,
      allow: `${scope.prefix}*`,
    },
  }),
  ReadInputs: (scope, plan) => {
    const folders = new Set([...plan.inputFolders, ...plan.reads.map(zoneFolder)]);
    return folders.size > 0
      ? { resources: [...folders].map((folder) => lakeObjects(scope, folder)) }
      : undefined;
  },
  WriteOutputs: (scope, plan) => {
    const folders = outputFolders(plan);
    return folders.length > 0
      ? { resources: folders.map((folder) => lakeObjects(scope, folder)) }
      : undefined;
  },
  ReadCatalogTables: (scope, plan) => ({ resources: glueTableChain(scope, [...plan.reads, ...plan.writes]) }),
  RegisterOutputTables: (scope, plan) =>
    plan.writes.length > 0 ? { resources: glueTableChain(scope, plan.writes) } : undefined,
};

/**
 * What the Glue job does as its role (the target's `glueRole`) for the transform cells of this
 * notebook: `GLUE_JOB_ROLE`'s entries, each narrowed to the tables and folders the cells name. The
 * doctor's Glue role policy and checks; derived, so it never lists an action the role list lacks.
 */
export function transformJobActions(scope: IamScope, plan: TransformJobPlan): PermissionNeed[] {
  const place = { ...scope, lake: scope.prefix };
  return GLUE_JOB_ROLE.flatMap((list): PermissionNeed[] => {
    const narrow = NARROWED[list.purpose];
    const narrowed: Narrowed = narrow
      ? narrow(scope, plan)
      : { resources: list.resources.map((template) => fillTemplate(template, place)) };
    if (!narrowed) return [];
    return [{ why: list.why, actions: [...list.actions], ...narrowed }];
  });
}

const zoneFolder = (qualified: string) => {
  const database = qualified.split(".")[0] ?? "";
  return `${database.charAt(0).toUpperCase()}${database.slice(1)}/`;
};
const outputFolders = (plan: TransformJobPlan) => [...new Set(plan.writes.map(zoneFolder))];

/** Who may assume the job's role. */
export const GLUE_TRUST_SERVICE = "glue.amazonaws.com";
