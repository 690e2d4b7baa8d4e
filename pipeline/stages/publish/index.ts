export { type ChartSource, findCharts, type PublishChart, refinedTablesOf } from "./charts";
export {
  type PublishClientFactory,
  type PublishClients,
  publishClientsOf,
} from "./clients";
export { type DeclaredColumns, declaredColumns, encodingColumns, quicksightType } from "./columns";
export {
  assertTranslatable,
  buildPublishPlan,
  COURSE_CHART_TYPES,
  type PlannedDataSet,
  type PlannedVisual,
  type PublishPlan,
} from "./plan";
export {
  checkAthenaWorkgroup,
  checkCredentials,
  checkPrincipal,
  checkQuickSightAccount,
  checkRefinedTables,
  PREFLIGHT_CHECKS,
  type PreflightCheck,
  s3AccessCheck,
} from "./preflight";
export {
  assertPreflight,
  type PreflightReport,
  type PublishResult,
  publishPlan,
  runPreflight,
} from "./publish-aws";
export { createPublishStage, type PublishStageOptions, publishStage } from "./publish-stage";
export { CONSOLE_STEPS_REPLACED } from "./report";
export {
  importModeNote,
  type PublishPrincipal,
  type PublishSettings,
  PublishSettingsSchema,
  parsePublishSettings,
  publishPrincipal,
} from "./settings";
