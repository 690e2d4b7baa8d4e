import { LakebookError } from "../../../contract";

/**
 * The part of a Vega-Lite spec the translation reads. Chart cells hold full Vega-Lite; anything
 * outside this subset is reported by `untranslatable`, never silently dropped.
 */
export interface FieldDef {
  field?: string;
  type?: "quantitative" | "nominal" | "ordinal" | "temporal" | string;
  aggregate?: string;
  timeUnit?: string | { unit?: string };
  bin?: unknown;
  sort?: unknown;
  stack?: unknown;
  title?: string;
  scale?: { type?: string } | null;
  condition?: unknown;
  value?: unknown;
  datum?: unknown;
}

export interface VegaLiteSpec {
  mark?: string | { type?: string; [property: string]: unknown };
  encoding?: Record<string, FieldDef | FieldDef[] | undefined>;
  title?: string | { text?: string | string[] };
  description?: string;
  [key: string]: unknown;
}

/** Reads a chart cell's JSON body; a spec that is not a JSON object says where it broke. */
export function parseChartSpec(chartId: string, source: string): VegaLiteSpec {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw new LakebookError(
      "PUBLISH_CHART_INVALID",
      `The chart ${chartId} is not valid JSON: ${(error as Error).message}`,
      {
        hint: "A chart cell's body is a Vega-Lite spec in JSON; fix it in the chart cell, then publish again.",
      },
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new LakebookError("PUBLISH_CHART_INVALID", `The chart ${chartId} is not a Vega-Lite object.`, {
      hint: 'A chart cell holds one JSON object such as {"mark": "bar", "encoding": {...}}.',
    });
  }
  return value as VegaLiteSpec;
}

export function markType(spec: VegaLiteSpec): string | undefined {
  return typeof spec.mark === "string" ? spec.mark : spec.mark?.type;
}

/** The chart's title for the visual: its own title, else its description, else the cell id. */
export function chartTitle(spec: VegaLiteSpec, chartId: string): string {
  const title = typeof spec.title === "string" ? spec.title : spec.title?.text;
  const text = Array.isArray(title) ? title.join(" ") : title;
  return text || spec.description || chartId;
}
