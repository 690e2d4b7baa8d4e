import embed from "vega-embed";
import { expressionInterpreter } from "vega-interpreter";

/** What the chart view keeps of a drawn chart: the image export and the cleanup. */
export interface DrawnChart {
  toImageURL(type: "png" | "svg"): Promise<string>;
  finalize(): void;
}

/**
 * Draws a Vega-Lite spec into `element` with Vega-Embed. Loaded on the first chart (Vega is large).
 * The page's CSP has no 'unsafe-eval', so expressions are interpreted (`ast` + vega-interpreter)
 * instead of compiled with `new Function`. SVG, so the marks are real elements (and selectable text).
 */
export async function drawChart(
  element: HTMLElement,
  spec: Record<string, unknown>,
  theme: "light" | "dark",
  background: string,
): Promise<DrawnChart> {
  const result = await embed(element, spec as never, {
    ast: true,
    expr: expressionInterpreter,
    renderer: "svg",
    actions: false,
    ...(theme === "dark" ? { theme: "dark" as const } : {}),
    config: { background },
    tooltip: { theme },
  });
  return {
    // Twice the pixels for PNG: a chart pasted into slides stays sharp.
    toImageURL: (type) => result.view.toImageURL(type, type === "png" ? 2 : 1),
    finalize: () => result.finalize(),
  };
}
