export { cellDependencies, stageFor } from "./registry";
export {
  FailureWithOutput,
  type Stage,
  type StageContext,
  type StageOutcome,
  type StageProgress,
} from "./stage";
