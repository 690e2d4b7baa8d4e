import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import {
  type AthenaCostEstimate,
  describeAthenaCost,
  estimateAthenaCost,
  formatUsd,
  runAthenaQuery,
  type ScannedTable,
} from "../../aws/athena";
import type { AwsTarget } from "../../document";
import { quoteIdentifier, quoteString, tableReferences } from "../../engine";
import type { StageContext, StageOutcome } from "../stage";

/**
 * A SQL cell on Athena: the cost's upper bound first (every object of every table it reads), then
 * the query, then its rows kept in the local engine so the UI pages them like any result. Athena
 * writes DDL (CREATE VIEW, CTAS) to the Glue Data Catalog itself, which is the aws target's catalog.
 */
export async function runSqlOnAthena(
  sql: string,
  context: StageContext,
  target: AwsTarget,
): Promise<StageOutcome> {
  const estimate = await estimateBeforeRunning(sql, context);
  context.log("info", `Before running: at most ${describeAthenaCost(estimate)}. ${estimate.note}`);
  let polls = 0;
  const result = await runAthenaQuery({
    client: context.aws.athena(),
    sql,
    workgroup: target.workgroup ?? "primary",
    ...(target.athenaOutput ? { outputLocation: target.athenaOutput } : {}),
    database: "refined",
    signal: context.signal,
    onState: (change) => {
      polls += 1;
      context.progress({ done: polls, unit: "steps", message: `Athena: ${change.state}` });
    },
  });
  const kept = await keepRows(result.rows, result.morePages(), context);
  const stats = result.statistics;
  const seconds = ((stats.engineExecutionTimeInMillis ?? 0) / 1000).toFixed(2);
  const cost = `${describeAthenaCost(result.cost)} (estimated at most ${formatUsd(estimate.usd)} before)`;
  const outcome: StageOutcome = {
    summary: `${kept.rowCount.toLocaleString("en-US")} rows × ${result.columns.length} columns · Athena ${seconds} s · ${cost}`,
  };
  if (result.columns.length > 0) {
    // An empty answer leaves an empty file, which DuckDB cannot type: keep the columns, no rows.
    const select =
      kept.rowCount > 0
        ? kept.select
        : `SELECT ${result.columns.map((column) => `NULL AS ${quoteIdentifier(column.name)}`).join(", ")} LIMIT 0`;
    const stored = await context.engine.query(select, { signal: context.signal });
    outcome.output = { type: "table", result: { ...stored, columns: result.columns } };
  }
  await kept.cleanup();
  return outcome;
}

async function estimateBeforeRunning(sql: string, context: StageContext): Promise<AthenaCostEstimate> {
  const scanned: ScannedTable[] = [];
  for (const name of tableReferences(sql).reads) {
    const [database, table] = name.split(".");
    if (!database || !table) continue;
    const found = await context.catalog.get(database, table).catch(() => undefined);
    if (!found) continue;
    let bytes = 0;
    for await (const object of context.store.list(found.location)) bytes += object.size;
    scanned.push({ table: name, bytes });
  }
  return estimateAthenaCost(scanned);
}

/**
 * Athena's pages go to a JSON-lines file under `.lakebook/`, one page at a time, and DuckDB reads it
 * back as a kept result: a large answer never sits whole in the JS heap.
 */
async function keepRows(
  first: Record<string, unknown>[],
  rest: AsyncGenerator<Record<string, unknown>[]>,
  context: StageContext,
): Promise<{ select: string; rowCount: number; cleanup(): Promise<void> }> {
  const folder = path.join(context.stateDir, "athena-results");
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${randomUUID()}.jsonl`);
  const out = createWriteStream(file);
  let rowCount = 0;
  const write = async (rows: Record<string, unknown>[]) => {
    for (const row of rows) {
      rowCount += 1;
      if (!out.write(`${JSON.stringify(row)}\n`)) await once(out, "drain");
    }
  };
  await write(first);
  for await (const page of rest) await write(page);
  out.end();
  await once(out, "finish");
  const posix = file.split(path.sep).join("/");
  return {
    select: `SELECT * FROM read_json(${quoteString(posix)}, format = 'newline_delimited', dateformat = 'disabled', timestampformat = 'disabled')`,
    rowCount,
    cleanup: () => rm(file, { force: true }),
  };
}
