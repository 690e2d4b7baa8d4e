import type { Column, Row } from "../../contract";
import { csvLine, type Workspace } from "../../service";
import { parseCommandArgs, positiveInteger, UsageError } from "../args";
import { renderTable } from "../text-table";
import { lakeOptions, openLakeWorkspace } from "./lake-options";

export async function queryCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "query",
    argv,
    { ...lakeOptions, json: { type: "boolean" }, csv: { type: "boolean" }, limit: { type: "string" } },
    1,
  );
  const sql = positionals[0];
  if (!sql?.trim()) throw new UsageError("query", "missing the SQL to run");
  if (values.json && values.csv) throw new UsageError("query", "give either --json or --csv, not both");
  const limit = positiveInteger("query", "--limit", values.limit);
  const workspace = await openLakeWorkspace("query", values);
  try {
    if (values.json || values.csv)
      await streamRows(workspace, sql, limit, values.json ? jsonWriter() : csvWriter());
    else await printTable(workspace, sql, limit ?? 50);
    return 0;
  } finally {
    await workspace.close();
  }
}

/** Text for each part of the output; the caller decides when it reaches stdout. */
interface RowWriter {
  start(columns: Column[]): string;
  row(row: Row, columns: Column[]): string;
  end(columns: Column[]): string;
}

/**
 * Rows are written chunk by chunk as DuckDB produces them, waiting for a slow reader: a large
 * result never sits whole in memory. A reader that stops early (`| head`) ends the query quietly.
 */
async function streamRows(workspace: Workspace, sql: string, limit: number | undefined, writer: RowWriter) {
  const out = stdoutSink();
  let columns: Column[] = [];
  let written = 0;
  let started = false;
  for await (const chunk of workspace.engine.stream(sql)) {
    columns = chunk.columns;
    let text = started ? "" : writer.start(columns);
    started = true;
    for (const row of chunk.rows) {
      if (limit !== undefined && written >= limit) break;
      text += writer.row(row, columns);
      written += 1;
    }
    await out.write(text);
    if (out.closed || (limit !== undefined && written >= limit)) break;
  }
  await out.write((started ? "" : writer.start(columns)) + writer.end(columns));
}

function stdoutSink() {
  let closed = false;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed = true;
  });
  return {
    get closed() {
      return closed;
    },
    async write(text: string): Promise<void> {
      if (closed || !text || process.stdout.write(text)) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          process.stdout.off("drain", done);
          process.stdout.off("error", done);
          resolve();
        };
        process.stdout.on("drain", done);
        process.stdout.on("error", done);
      });
    },
  };
}

function jsonWriter(): RowWriter {
  let first = true;
  return {
    start: (columns) => `{"columns":${JSON.stringify(columns)},"rows":[`,
    row: (row) => {
      const text = `${first ? "\n" : ",\n"}${JSON.stringify(row)}`;
      first = false;
      return text;
    },
    end: () => `${first ? "" : "\n"}]}\n`,
  };
}

function csvWriter(): RowWriter {
  return {
    start: (columns) => csvLine(columns.map((c) => c.name)),
    row: (row, columns) => csvLine(columns.map((c) => row[c.name])),
    end: () => "",
  };
}

async function printTable(workspace: Workspace, sql: string, limit: number) {
  const result = await workspace.engine.query(sql, { pageSize: limit });
  process.stdout.write(renderTable(result.columns, result.rows));
  const more = result.rowCount - result.rows.length;
  process.stdout.write(
    `${result.rowCount.toLocaleString("en-US")} row${result.rowCount === 1 ? "" : "s"}${more > 0 ? ` (${more.toLocaleString("en-US")} not shown; use --limit or --csv)` : ""}\n`,
  );
  await workspace.engine.release(result.resultId);
}
