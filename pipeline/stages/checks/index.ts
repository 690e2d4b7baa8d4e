export { checksOutput } from "./checks-output";
export { parseChecksSettings } from "./checks-settings";
export { checksStage } from "./checks-stage";
export {
  type AcceptedValue,
  type CheckKind,
  type CheckQuery,
  checkedTables,
  checkQueries,
  type ExpectationSpec,
  FAILING_ROWS_COLUMN,
  MAX_SAMPLES,
} from "./expectations";
export {
  type CheckResult,
  checksSummary,
  formatCheckReport,
  type RunCheckQuery,
  runChecks,
} from "./run-checks";
