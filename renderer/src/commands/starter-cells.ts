import type { Cell, Notebook } from "../../../pipeline/document";
import type { RunState } from "../state/run-store";

const NUMBER = /INT|DOUBLE|FLOAT|DECIMAL|NUMERIC|REAL/i;

/**
 * What a new cell starts with. A chart starts as a spec that runs: bound to the nearest SQL cell
 * above it (`source=`, which the builder then lets the user change) and, when that cell's result
 * is known, a bar of its first text column against its first number. Other kinds start empty.
 */
export function starterCell(blank: Cell, notebook: Notebook, at: number, runs: RunState): Cell {
  if (blank.kind !== "chart") return blank;
  const sql =
    [...notebook.cells.slice(0, at)].reverse().find((c) => c.kind === "sql") ??
    notebook.cells.find((c) => c.kind === "sql");
  const output = sql ? runs.cells[sql.id]?.output : undefined;
  const columns = output?.type === "table" ? output.result.columns : [];
  const measure = columns.find((c) => NUMBER.test(c.type));
  const category =
    columns.find((c) => c !== measure && !NUMBER.test(c.type)) ?? columns.find((c) => c !== measure);
  const encoding: Record<string, unknown> = {};
  if (category) encoding.x = { field: category.name, type: "nominal" };
  if (measure) encoding.y = { field: measure.name, type: "quantitative" };
  const spec = { mark: "bar", encoding };
  return {
    ...blank,
    attrs: sql ? [{ key: "source", value: sql.id }] : [],
    source: `${JSON.stringify(spec, null, 2)}\n`,
  };
}
