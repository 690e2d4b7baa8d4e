import type { Visual } from "../../../aws/quicksight/definition-types";
import { barChartVisual } from "./bar";
import { type ChartInput, ChartReader, type Untranslatable } from "./chart-reader";
import { heatMapVisual } from "./heatmap";
import { kpiVisual } from "./kpi";
import { lineChartVisual } from "./line";
import { pieChartVisual } from "./pie";
import { scatterPlotVisual } from "./scatter";
import { tableVisual } from "./table";
import { markType } from "./vega-spec";

/** Vega-Lite operators that combine several views; a QuickSight visual is one view. */
const COMPOSITIONS = ["layer", "repeat", "concat", "hconcat", "vconcat", "facet", "spec"];

/** Channels each visual has a field well (or a harmless default) for; `tooltip` is QuickSight's default. */
const CHANNELS: Record<string, string[]> = {
  bar: ["x", "y", "color", "facet", "row", "column", "tooltip"],
  line: ["x", "y", "color", "facet", "row", "column", "tooltip"],
  area: ["x", "y", "color", "facet", "row", "column", "tooltip"],
  arc: ["theta", "color", "facet", "row", "column", "tooltip"],
  rect: ["x", "y", "color", "tooltip"],
  point: ["x", "y", "color", "size", "tooltip"],
  text: ["text", "x", "y", "row", "column", "tooltip"],
};
const POINT_MARKS = new Set(["point", "circle", "square"]);

/** Which QuickSight visual each mark becomes, said in the plan and the student notes. */
export const VISUAL_FOR_MARK: Record<string, string> = {
  bar: "BarChartVisual",
  line: "LineChartVisual",
  area: "LineChartVisual (AREA)",
  arc: "PieChartVisual",
  rect: "HeatMapVisual",
  point: "ScatterPlotVisual",
  text: "KPIVisual, or TableVisual when laid out by categories",
};

export interface ChartTranslation {
  visual?: Visual;
  problems: Untranslatable[];
}

/** One chart cell's spec → one QuickSight visual, or the list of what stands in the way. */
export function translateChart(input: ChartInput): ChartTranslation {
  const reader = new ChartReader(input);
  const { spec } = input;
  for (const key of COMPOSITIONS) {
    if (spec[key] !== undefined)
      reader.problem(
        key,
        "a composed view (layer, repeat, concat, facet): QuickSight puts one chart in a visual; make one chart cell per view.",
      );
  }
  if (Array.isArray(spec.transform) && spec.transform.length > 0) {
    reader.problem(
      "transform",
      "custom Vega-Lite transforms run in the browser only; compute them in the chart's SQL cell instead.",
    );
  }
  const given = markType(spec);
  const mark = given && POINT_MARKS.has(given) ? "point" : given;
  const allowed = mark ? CHANNELS[mark] : undefined;
  if (!allowed) {
    reader.problem(
      `mark: ${given ?? "(none)"}`,
      `QuickSight has no visual for this mark; the marks that publish are ${Object.keys(CHANNELS).join(", ")}, circle and square.`,
    );
    return { problems: reader.problems };
  }
  for (const channel of Object.keys(reader.encoding)) {
    if (!allowed.includes(channel)) {
      reader.problem(
        `encoding.${channel}`,
        `QuickSight's ${VISUAL_FOR_MARK[mark ?? ""]} has no well for ${channel}.`,
      );
    }
  }
  const visual = visualFor(mark ?? "", reader);
  return reader.problems.length > 0 ? { problems: reader.problems } : { visual, problems: [] };
}

/** Everything in one chart that cannot be translated; empty when it publishes as it is. */
export function untranslatable(input: ChartInput): Untranslatable[] {
  return translateChart(input).problems;
}

function visualFor(mark: string, reader: ChartReader): Visual | undefined {
  switch (mark) {
    case "bar":
      return barChartVisual(reader);
    case "line":
      return lineChartVisual(reader, false);
    case "area":
      return lineChartVisual(reader, true);
    case "arc":
      return pieChartVisual(reader);
    case "rect":
      return heatMapVisual(reader);
    case "point":
      return scatterPlotVisual(reader);
    default: {
      const laidOut = ["x", "y", "row", "column"].some((channel) => reader.encoding[channel] !== undefined);
      return laidOut ? tableVisual(reader) : kpiVisual(reader);
    }
  }
}
