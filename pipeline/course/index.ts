/** Course mode: the final challenge's rules checked against the lake and the catalog; stage resets. */
export { checkCourse } from "./check";
export { findSecrets, mask } from "./credentials";
export type { CourseLake } from "./lake-view";
export { resetPlan, resetStage } from "./reset";
