export { realSleep, type Sleep } from "../sleep";
export {
  callerAccountId,
  describeGroup,
  describeSubscription,
  describeUser,
  type QuickSightSubscription,
  type StsSend,
} from "./account";
export { type AnalysisSpec, type EnsuredAnalysis, ensureAnalysis } from "./analysis";
export { type DashboardSpec, type EnsuredDashboard, ensureDashboard } from "./dashboard";
export {
  ATHENA_CATALOG,
  customSql,
  type DataSetSpec,
  type EnsuredDataSet,
  ensureDataSet,
  PHYSICAL_TABLE_KEY,
  relationalTable,
} from "./data-set";
export { type AthenaDataSourceSpec, type EnsuredDataSource, ensureDataSource } from "./data-source";
export { type CompletedIngestion, startIngestion, waitForIngestion } from "./ingestion";
export { OWNER_ACTIONS, ownerPermissions, type QuickSightResourceKind } from "./permissions";
export {
  isNotFound,
  type QuickSightCallContext,
  quicksightCall,
  quicksightError,
  SIGN_UP_HINT,
} from "./quicksight-errors";
export {
  analysisUrl,
  dashboardUrl,
  type PublishIds,
  publishIds,
  slug,
  userArn,
  versionNumberOf,
} from "./quicksight-ids";
export type { EnsureAction, QuickSightScope, QuickSightSend } from "./scope";
export { type CreationState, creationFailed, type WaitOptions, waitForCreation } from "./wait-for-creation";
