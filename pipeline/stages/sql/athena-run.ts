import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import {
  CTAS_LOCATION_ENFORCED,
  describeAthenaCost,
  ENFORCED_WORKGROUP_FIX,
  formatUsd,
} from "../../aws/athena";
import { LakebookError } from "../../contract";
import type { AwsTarget } from "../../document";
import { quoteIdentifier, quoteString } from "../../engine";
import { queryAthena } from "../athena-sql";
import type { StageContext, StageOutcome } from "../stage";
import { type AthenaCtas, athenaCtas } from "./athena-ctas";

/** Unqualified names in a SQL cell on Athena resolve here (QueryExecutionContext.Database). */
const DEFAULT_DATABASE = "refined";

/**
 * A SQL cell on Athena: the cost's upper bound first (every object of every table it reads), then
 * the query, then its rows kept in the local engine so the UI pages them like any result. Athena
 * writes DDL (CREATE VIEW, CTAS) to the Glue Data Catalog itself, which is the aws target's catalog;
 * a CTAS is rewritten to write Parquet into the lake's zone first (athena-ctas.ts), and gets the
 * lineage a local CTAS records.
 */
export async function runSqlOnAthena(
  sql: string,
  context: StageContext,
  target: AwsTarget,
  cellId = "",
): Promise<StageOutcome> {
  const ctas = athenaCtas(sql, target, DEFAULT_DATABASE);
  if (ctas) await assertLocationEmpty(ctas, context);
  const { result, estimate } = await queryAthena(ctas?.sql ?? sql, context, target, {
    database: DEFAULT_DATABASE,
  }).catch((error: unknown) => {
    throw ctas ? ctasRefusedByWorkgroup(error, ctas, target) : error;
  });
  if (ctas) await recordLineage(ctas, cellId, context);
  const kept = await keepRows(result.rows, result.morePages(), context);
  const stats = result.statistics;
  const seconds = ((stats.engineExecutionTimeInMillis ?? 0) / 1000).toFixed(2);
  const cost = `${describeAthenaCost(result.cost)} (estimated at most ${formatUsd(estimate.usd)} before)`;
  const written = ctas ? ` · ${ctas.database}.${ctas.table} written to ${ctas.location}` : "";
  const outcome: StageOutcome = {
    summary: `${kept.rowCount.toLocaleString("en-US")} rows × ${result.columns.length} columns · Athena ${seconds} s · ${cost}${written}`,
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

/**
 * Athena never writes a CTAS into a folder that holds files (it fails with HIVE_PATH_ALREADY_EXISTS:
 * https://docs.aws.amazon.com/athena/latest/ug/considerations-ctas.html): say so before running.
 */
async function assertLocationEmpty(ctas: AthenaCtas, context: StageContext): Promise<void> {
  for await (const _ of context.store.list(ctas.location)) {
    throw new LakebookError(
      "ATHENA_CTAS_LOCATION_IN_USE",
      `${ctas.database}.${ctas.table} would be written to ${ctas.location}, which already holds files; Athena never writes a CTAS over files.`,
      {
        hint: `To rebuild it, run DROP TABLE ${ctas.database}.${ctas.table} and delete the files under ${ctas.location} first, or give the table another name.`,
      },
    );
  }
}

/**
 * A workgroup that enforces its own result location refuses any CTAS with `external_location`,
 * and without one the table would land in the query-results bucket, outside the lake: name the
 * workgroup and what to change (aws/athena/athena-errors.ts has AWS's words).
 */
function ctasRefusedByWorkgroup(error: unknown, ctas: AthenaCtas, target: AwsTarget): unknown {
  if (!(error instanceof LakebookError) || error.code !== CTAS_LOCATION_ENFORCED) return error;
  const workgroup = target.workgroup ?? "primary";
  return new LakebookError(
    CTAS_LOCATION_ENFORCED,
    `Athena refused to write ${ctas.database}.${ctas.table} to ${ctas.location}: the workgroup "${workgroup}" ` +
      'has "Override client-side settings" on, so it writes every query under its own result location and refuses a CREATE TABLE AS that sets external_location.',
    {
      hint: `Lakebook writes the table into the lake's zone, as a local run does. For the workgroup "${workgroup}", ${ENFORCED_WORKGROUP_FIX}.`,
      retryable: false,
      cause: error,
    },
  );
}

/** The table Athena registered, with the zone and lineage a local CTAS records. */
async function recordLineage(ctas: AthenaCtas, cellId: string, context: StageContext): Promise<void> {
  const table = await context.catalog.get(ctas.database, ctas.table).catch(() => undefined);
  if (!table || !cellId) return;
  await context.catalog
    .put({
      ...table,
      zone: ctas.database as "trusted" | "refined",
      producedBy: { cell: cellId, inputs: ctas.reads },
    })
    .catch((error: unknown) => {
      context.log(
        "warn",
        `${ctas.database}.${ctas.table} is written, but its lineage was not recorded: ${String(error)}`,
      );
    });
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
