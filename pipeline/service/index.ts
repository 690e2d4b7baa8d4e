export { checkAccess, tokenFrom } from "./access-policy";
export { checkCellPermissions, runAwsDoctor } from "./aws-doctor";
export { runCell, skippedCell } from "./cell-runner";
export { courseLakeOf } from "./course-lake";
export { csvLine } from "./csv-line";
export { dataFileNameProblem, receiveDataFile } from "./data-upload";
export { createDispatcher, type DownloadReply, type ServiceDispatcher } from "./dispatcher";
export { exportDashboardHtml } from "./export-dashboard";
export { type HttpHost, startHttpHost } from "./http-host";
export {
  type HeadlessIngest,
  type IngestedCsv,
  ingestFileHeadless,
  s3LakeFromEnvironment,
} from "./ingest-file";
export { saveNotebookFile } from "./notebook-file";
export { publicError } from "./public-error";
export { type Download, resultCsv } from "./result-export";
export { createRouter, type ServiceRouter } from "./router";
export { recordRunResults } from "./run-state";
export { statusPage } from "./status-page";
export { htmlDownload, type StreamMethodOptions, streamHandlers } from "./stream-methods";
export { type StreamSessions, streamSessions } from "./stream-sessions";
export { testTargetConnection } from "./target-connection";
export {
  type StoredTmdbCredential,
  type TmdbCredentialStore,
  tmdbCredentialStatus,
  UserFileTmdbCredentials,
  userConfigDir,
} from "./tmdb-credential-store";
export { openWorkspace, readNotebookFile, type Workspace } from "./workspace";
