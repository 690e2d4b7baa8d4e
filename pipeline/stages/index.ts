export { cellDependencies, stageFor } from "./registry";
export type { Stage, StageContext, StageOutcome, StageProgress } from "./stage";
