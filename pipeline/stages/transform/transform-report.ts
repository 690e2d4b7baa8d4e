import type { GlueTransformOutcome } from "../../aws/glue";
import type { CatalogTable, QueryResult } from "../../contract";
import type { StageOutcome } from "../stage";

/** The cell's summary line and its output: the table as catalogued, where it ran, what it cost. */
export function transformReport(report: {
  table: CatalogTable;
  pyspark: string;
  notes: string[];
  preview?: QueryResult;
  glue?: GlueTransformOutcome;
}): StageOutcome {
  const { table, glue } = report;
  const keys = table.partitionKeys ?? [];
  const partitions = keys.length ? `, partitioned by ${keys.map((key) => key.name).join(", ")}` : "";
  const rows = table.rows === null ? "rows unknown" : `${table.rows.toLocaleString("en-US")} rows`;
  const cost = glue?.costUsd !== undefined ? ` · Glue ≈ $${glue.costUsd.toFixed(4)}` : "";
  return {
    summary: `${table.database}.${table.name}: ${rows} × ${table.columns.length + keys.length} columns${partitions}${cost}`,
    output: {
      type: "transform",
      table,
      engine: glue ? "glue" : "local",
      notes: report.notes,
      ...(report.preview ? { preview: report.preview } : {}),
      ...(glue
        ? {
            glue: {
              jobName: glue.jobName,
              runId: glue.runId,
              state: glue.state,
              ...(glue.executionSeconds !== undefined ? { executionSeconds: glue.executionSeconds } : {}),
              ...(glue.dpuSeconds !== undefined ? { dpuSeconds: glue.dpuSeconds } : {}),
              ...(glue.costUsd !== undefined ? { costUsd: glue.costUsd } : {}),
            },
          }
        : {}),
      pyspark: report.pyspark,
    },
  };
}
