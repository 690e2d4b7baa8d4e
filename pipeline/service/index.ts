export { checkAccess, tokenFrom } from "./access-policy";
export { checkCellPermissions, runAwsDoctor } from "./aws-doctor";
export { runCell, skippedCell } from "./cell-runner";
export { csvLine } from "./csv-line";
export { createDataUpload, dataFileNameProblem } from "./data-upload";
export { exportDashboardHtml } from "./export-dashboard";
export { type HttpHost, startHttpHost } from "./http-host";
export {
  type HeadlessIngest,
  type IngestedCsv,
  ingestFileHeadless,
  s3LakeFromEnvironment,
} from "./ingest-file";
export { saveNotebookFile } from "./notebook-file";
export { sendResultCsv } from "./result-export";
export { createRouter, type ServiceRouter } from "./router";
export { recordRunResults } from "./run-state";
export { statusPage } from "./status-page";
export { openWorkspace, readNotebookFile, type Workspace } from "./workspace";
