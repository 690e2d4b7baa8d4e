export { type ResolvedInput, resolveInputs } from "./inputs";
export { parseTransformSettings, type TransformInput, type TransformSettings } from "./settings";
export { transformStage } from "./transform-stage";
