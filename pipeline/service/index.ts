export { checkAccess, tokenFrom } from "./access-policy";
export { runCell, skippedCell } from "./cell-runner";
export { type HttpHost, startHttpHost } from "./http-host";
export { saveNotebookFile } from "./notebook-file";
export { createRouter, type ServiceRouter } from "./router";
export { recordRunResults } from "./run-state";
export { statusPage } from "./status-page";
export { openWorkspace, readNotebookFile, type Workspace } from "./workspace";
