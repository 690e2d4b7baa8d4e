import type { ChartOutput } from "../../contract";
import type { Stage } from "../stage";
import { athenaChartQuery, NeedsLocalPreview } from "./athena-preview";
import { runChart } from "./chart-run";
import { chartDependencies } from "./chart-source";

export { ROW_CAP, runChart } from "./chart-run";
export { chartDependencies } from "./chart-source";

/**
 * A chart cell: a Vega-Lite spec drawn over a SQL cell's result or a catalog table. On an aws target
 * its queries run on Athena, where the tables are; a chart whose aggregation only DuckDB can write
 * (median, quartiles, time units) is previewed on the local lake, and the output says so.
 */
export const chartStage: Stage = {
  run: async (cell, context) => {
    const base = { engine: context.engine, cells: context.notebook.cells, signal: context.signal };
    let output: ChartOutput;
    let where = "";
    // `target?`: callers that only preview (the HTML export, tests) give no target.
    if (context.target?.kind === "aws") {
      const athena = athenaChartQuery(context, context.target);
      try {
        output = await runChart(cell, { ...base, query: athena.query });
        where = ` · ${athena.report()}`;
      } catch (error) {
        if (!(error instanceof NeedsLocalPreview)) throw error;
        output = await runChart(cell, base);
        output.warnings.unshift(
          `Preview from the local lake (DuckDB), not Athena: the chart's aggregation uses ${error.functionName}, which Athena does not have. The local lake may hold older data than S3.`,
        );
        where = " · previewed on the local lake";
      }
    } else {
      output = await runChart(cell, base);
    }
    const rows = (n: number) => `${n.toLocaleString("en-US")} row${n === 1 ? "" : "s"}`;
    const summary = output.pushedDown
      ? `${rows(output.sourceRows)} aggregated in the engine to ${rows(output.sentRows)}`
      : `${rows(output.sentRows)} of ${rows(output.sourceRows)} sent to the chart`;
    return { summary: `${summary}${where}`, output };
  },
  dependencies: chartDependencies,
};
