/** A Vega-Lite spec as the cell holds it: a JSON object, read loosely (the form reads only its part). */
export type Spec = Record<string, unknown>;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The cell's source as a spec, or null while it is not a JSON object (the user is mid-edit). */
export function parseSpec(source: string): Spec | null {
  try {
    const value: unknown = JSON.parse(source);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** The text the builder writes: pretty JSON, 2-space indent, like the demo's specs. */
export const specText = (spec: Spec) => `${JSON.stringify(spec, null, 2)}\n`;

/** The encoding key that holds the form's y: a pie's angle is `theta`. */
export const yKeyFor = (mark: string) => (mark === "arc" ? "theta" : "y");

export const markType = (mark: unknown): string =>
  typeof mark === "string" ? mark : isObject(mark) && typeof mark.type === "string" ? mark.type : "";

const DISCRETE = new Set(["nominal", "ordinal"]);

/**
 * Which positional channel is the category axis the sort applies to: x when it is discrete (or
 * nothing says otherwise), y for a horizontal bar (y discrete, x not). None for a pie.
 */
export function sortChannel(encoding: Record<string, unknown>, mark: string): "x" | "y" | null {
  if (mark === "arc") return null;
  const typeOf = (key: string) => {
    const def = encoding[key];
    return isObject(def) && typeof def.type === "string" ? def.type : undefined;
  };
  const x = typeOf("x");
  const y = typeOf("y");
  if (x && !DISCRETE.has(x) && y && DISCRETE.has(y)) return "y";
  return "x";
}
