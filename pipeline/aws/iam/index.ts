export { type ActionList, fillTemplate, type TemplatePlace } from "./action-list";
export { partitionOf, roleArn } from "./arns";
export {
  type CellPlan,
  permissionsReport,
  policiesOf,
  scopeOf,
  stagesOf,
  type TargetNames,
} from "./doctor";
export { GLUE_JOB_ROLE } from "./glue-job-role";
export { identityActions } from "./identity-actions";
export { lambdaRoleActions } from "./lambda-role-actions";
export { missingPolicy, type PolicyDocument, policyDocument, trustPolicy } from "./policy-document";
export { type CallerIdentity, callerIdentity, parseCallerArn, simulatedEntity } from "./principal";
export { type IamScope, lakePrefix, type PermissionNeed } from "./scope";
export {
  type CheckResult,
  COULD_NOT_CHECK_HINT,
  checksOf,
  decisionOf,
  keyOf,
  type PermissionCheck,
  simulateChecks,
} from "./simulate";
export { type AwsStageName, STAGE_LABELS, type StagePlan } from "./stage-plan";
export { type TransformJobPlan, transformJobActions } from "./transform-job-actions";
