export type { ActionList } from "./action-list";
export { GLUE_JOB_ROLE } from "./glue-job-role";
