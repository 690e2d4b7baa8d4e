import type { GlueTransformOutcome } from "../../aws/glue";
import type { CatalogTable, MalformedRows, QueryResult } from "../../contract";
import type { StageOutcome } from "../stage";

/** The cell's summary line and its output: the table as catalogued, where it ran, what it cost. */
export function transformReport(report: {
  table: CatalogTable;
  pyspark: string;
  notes: string[];
  preview?: QueryResult;
  glue?: GlueTransformOutcome;
  malformed?: MalformedRows[];
}): StageOutcome {
  const malformed = report.malformed ?? [];
  const { table, glue } = report;
  const keys = table.partitionKeys ?? [];
  const partitions = keys.length ? `, partitioned by ${keys.map((key) => key.name).join(", ")}` : "";
  const rows = table.rows === null ? "rows unknown" : `${table.rows.toLocaleString("en-US")} rows`;
  const cost = glue?.costUsd !== undefined ? ` · Glue ≈ $${glue.costUsd.toFixed(4)}` : "";
  return {
    summary: `${table.database}.${table.name}: ${rows} × ${table.columns.length + keys.length} columns${partitions}${cost}${malformedSummary(malformed)}`,
    output: {
      type: "transform",
      table,
      engine: glue ? "glue" : "local",
      notes: report.notes,
      ...(malformed.length ? { malformed } : {}),
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

/** " · 2 malformed rows kept (PERMISSIVE)": the count belongs on the cell's one line. */
function malformedSummary(malformed: MalformedRows[]): string {
  if (malformed.length === 0) return "";
  const rows = malformed.reduce((sum, input) => sum + input.rows, 0);
  const modes = [...new Set(malformed.map((input) => input.mode))];
  const did = modes.length === 1 && modes[0] === "DROPMALFORMED" ? "skipped" : "read";
  return ` · ${rows.toLocaleString("en-US")} malformed ${rows === 1 ? "row" : "rows"} ${did} (${modes.join(", ")})`;
}

/** Which file and line, what the mode did, and what to do about it: the output shows it, the CLI prints it. */
export function malformedNote(input: MalformedRows): string {
  const where = input.first
    ? ` The first is ${input.first.file}, line ${input.first.line}${input.first.fields !== undefined ? ` (${input.first.fields} fields)` : ""}.`
    : "";
  const files = input.files.map((file) => `${file.file} (${file.rows})`).join(", ");
  const did =
    input.mode === "DROPMALFORMED"
      ? "they were skipped (mode DROPMALFORMED)"
      : "they were kept as Spark's PERMISSIVE mode keeps them: extra fields dropped, missing ones NULL";
  return `Input ${input.input}: ${input.rows} ${input.rows === 1 ? "row has" : "rows have"} a different number of fields than the header; ${did}.${where} In: ${files}. A file ingested by mistake can be removed from RAW in the lake browser; mode DROPMALFORMED skips such rows, FAILFAST stops at the first.`;
}
