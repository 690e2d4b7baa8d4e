import type { GlueTransformOutcome } from "../../aws/glue";
import type { CatalogTable } from "../../contract";
import type { StageOutcome } from "../stage";
import type { TransformSettings } from "./settings";

/** The cell's summary line and its output: where the table went, what it read, and on Glue what it cost. */
export function transformReport(report: {
  settings: TransformSettings;
  table: CatalogTable;
  pyspark: string;
  notes: string[];
  glue?: GlueTransformOutcome;
}): StageOutcome {
  const { table, glue } = report;
  const name = `${table.database}.${table.name}`;
  const keys = table.partitionKeys ?? [];
  const partitions = keys.length ? `, partitioned by ${keys.map((key) => key.name).join(", ")}` : "";
  const rows = table.rows === null ? "rows unknown" : `${table.rows.toLocaleString("en-US")} rows`;
  const columns = table.columns.length + keys.length;
  const lines = [
    `${name} written to ${table.location} as Parquet${partitions}.`,
    `Read from: ${table.producedBy?.inputs.join(", ") || "catalog tables named in the SQL"}.`,
  ];
  if (glue) {
    lines.push(
      `Glue job ${glue.jobName}, run ${glue.runId}: ${glue.state}` +
        (glue.executionSeconds !== undefined ? ` in ${glue.executionSeconds} s` : "") +
        (glue.dpuSeconds !== undefined ? `, ${glue.dpuSeconds.toFixed(0)} DPU-seconds` : "") +
        (glue.costUsd !== undefined ? `, about $${glue.costUsd.toFixed(4)}` : "") +
        ".",
    );
  }
  lines.push(
    ...report.notes.map((note) => `Note: ${note}`),
    "",
    "The PySpark this cell stands for:",
    "",
    report.pyspark,
  );
  return {
    summary: `${name}: ${rows} × ${columns} columns${partitions}${glue?.costUsd !== undefined ? ` · Glue ≈ $${glue.costUsd.toFixed(4)}` : ""}`,
    output: { type: "text", text: lines.join("\n") },
  };
}
