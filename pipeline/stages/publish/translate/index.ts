export { type ChartInput, ChartReader, type Untranslatable } from "./chart-reader";
export { type DeclaredDataSet, publishDefinition, SHEET_ID, visualId } from "./definition";
export { type ChartTranslation, translateChart, untranslatable, VISUAL_FOR_MARK } from "./translate-chart";
export { chartTitle, type FieldDef, markType, parseChartSpec, type VegaLiteSpec } from "./vega-spec";
