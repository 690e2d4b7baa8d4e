export { realSleep, type Sleep } from "../sleep";
export { type GlueSend, getGlueTable } from "./get-table";
export {
  DPU_PER_WORKER,
  type GlueRunCost,
  glueRunCost,
  MINIMUM_BILLED_SECONDS,
  USD_PER_DPU_HOUR,
} from "./glue-cost";
export { type GlueCallContext, glueCancelled, glueError, jobRunError } from "./glue-errors";
export {
  BASE_ARGUMENTS,
  ensureJob,
  type GlueJobSettings,
  type GlueJobSettingsInput,
  GlueJobSettingsSchema,
  jobDefinition,
  startRun,
} from "./glue-job";
export {
  GLUE_LOG_GROUPS,
  GlueLogFollower,
  type GlueLogGroup,
  type GlueLogLine,
  glueLogGroupsFor,
  isSparkErrorLine,
  parseResultLine,
} from "./glue-logs";
export { glueJobRolePolicy, type RolePolicyPlace } from "./glue-role-policy";
export { FINAL_STATES, type FollowRunOptions, followRun, stopRun } from "./glue-run";
export { GlueTables, type GlueTablesOptions } from "./glue-tables";
export {
  GLUE_FOLDER,
  type GlueBucket,
  RUNNER_FILE_NAME,
  scriptKey,
  uploadScript,
  uploadSpec,
} from "./glue-upload";
export {
  type GlueClients,
  type GlueTransformOutcome,
  RUNNER_SCRIPT_PATH,
  type RunGlueTransformOptions,
  runGlueTransform,
} from "./run-glue-transform";
export {
  fromGlueTable,
  hiveType,
  type LakeLocation,
  lakebookParameters,
  lakeKey,
  lakeUri,
  PARQUET_INPUT_FORMAT,
  PARQUET_OUTPUT_FORMAT,
  PARQUET_SERDE,
  toTableInput,
} from "./table-input";
export {
  RESULT_MARKER,
  type TransformInput,
  TransformInputSchema,
  type TransformOutput,
  TransformOutputSchema,
  type TransformResult,
  TransformResultSchema,
  type TransformSpec,
  TransformSpecSchema,
} from "./transform-spec";
