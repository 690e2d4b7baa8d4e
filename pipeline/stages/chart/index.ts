import type { Stage } from "../stage";
import { runChart } from "./chart-run";
import { chartDependencies } from "./chart-source";

export { ROW_CAP, runChart } from "./chart-run";
export { chartDependencies } from "./chart-source";

/** A chart cell: a Vega-Lite spec drawn over a SQL cell's result or a catalog table. */
export const chartStage: Stage = {
  run: async (cell, context) => {
    const output = await runChart(cell, {
      engine: context.engine,
      cells: context.notebook.cells,
      signal: context.signal,
    });
    const rows = (n: number) => `${n.toLocaleString("en-US")} row${n === 1 ? "" : "s"}`;
    const summary = output.pushedDown
      ? `${rows(output.sourceRows)} aggregated in the engine to ${rows(output.sentRows)}`
      : `${rows(output.sentRows)} of ${rows(output.sourceRows)} sent to the chart`;
    return { summary, output };
  },
  dependencies: chartDependencies,
};
