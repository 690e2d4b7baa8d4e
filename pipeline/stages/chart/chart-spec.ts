import { LakebookError } from "../../contract";

/** A Vega-Lite spec as JSON: the body of a chart cell. */
export type Spec = Record<string, unknown>;

/** The cell body as a Vega-Lite spec, or CHART_SPEC_INVALID naming the line and column of the cell. */
export function parseChartSpec(cellId: string, body: string): Spec {
  if (!body.trim()) {
    throw new LakebookError("CHART_SPEC_INVALID", `Chart ${cellId} has no Vega-Lite spec.`, {
      hint: 'Write a spec without data, e.g. {"mark": "bar", "encoding": {"x": {"field": "subgenre", "type": "nominal"}}}.',
      params: { cell: cellId },
    });
  }
  let spec: unknown;
  try {
    spec = JSON.parse(body);
  } catch (error) {
    const { line, column } = lineColumn(body, errorOffset(body));
    const reason = (error as Error).message
      .replace(/ (in JSON )?at position \d+.*$/s, "")
      .replace(/, ".*" is not valid JSON$/s, "");
    throw new LakebookError(
      "CHART_SPEC_INVALID",
      `Chart ${cellId}: the spec is not valid JSON at line ${line}, column ${column}: ${reason}.`,
      {
        hint: "The body of a chart cell is one JSON object (Vega-Lite), without comments or trailing commas.",
        at: { line, column },
        params: { cell: cellId },
      },
    );
  }
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw new LakebookError("CHART_SPEC_INVALID", `Chart ${cellId}: the spec must be a JSON object.`, {
      hint: 'Start the body with "{" — a Vega-Lite spec is an object with "mark" and "encoding".',
      params: { cell: cellId },
    });
  }
  return spec as Spec;
}

/**
 * V8's messages carry a position only for some mistakes, so the offset is found the same way for
 * all: the longest prefix that still parses or merely ends too early; the next character is wrong.
 */
function errorOffset(text: string): number {
  const viable = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      const message = (error as Error).message;
      if (/Unexpected end of JSON input/.test(message)) return true;
      const at = /at position (\d+)/.exec(message);
      return at !== null && Number(at[1]) >= length;
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (viable(middle)) low = middle;
    else high = middle - 1;
  }
  return Math.min(low, text.length);
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
