import { expect } from "vitest";
import type { LakebookError } from "../../../../pipeline/contract/errors";
import { Engine } from "../../../../pipeline/engine";
import { translateSparkSql } from "../../../../pipeline/engine/spark-sql";

/**
 * Runs Spark SQL the way a local transform cell will: translate, then execute on real DuckDB.
 * Expectations in the tests are what Spark returns for the same query (from Spark's docs).
 */
export async function openDuckDB(): Promise<Engine> {
  return Engine.open({ threads: 1, memoryLimit: "256MB" });
}

export async function runSpark(engine: Engine, sparkSql: string): Promise<Record<string, unknown>[]> {
  const { sql } = translateSparkSql(sparkSql);
  return (await engine.query(sql, { pageSize: 1000 })).rows;
}

/** The one value of a one-row, one-column query. */
export async function sparkValue(engine: Engine, sparkExpression: string): Promise<unknown> {
  const rows = await runSpark(engine, `SELECT ${sparkExpression} AS v`);
  expect(rows).toHaveLength(1);
  return rows[0]?.v;
}

export function translated(sparkSql: string): string {
  return translateSparkSql(sparkSql).sql;
}

/** Line breaks as an editor counts them: CR LF, CR or LF. */
export function lineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

/**
 * A query written over several lines translates to as many lines (so DuckDB's error positions
 * point at the user's line) and returns what the same query on one line returns.
 */
export async function sameOverLines(engine: Engine, sparkSql: string): Promise<void> {
  expect(lineBreaks(translated(sparkSql)), translated(sparkSql)).toBe(lineBreaks(sparkSql));
  const oneLine = sparkSql.replace(/\r\n|\r|\n/g, " ");
  expect(await runSpark(engine, sparkSql)).toEqual(await runSpark(engine, oneLine));
}

export function rejection(sparkSql: string): LakebookError {
  try {
    translateSparkSql(sparkSql);
  } catch (error) {
    expect((error as LakebookError).code).toBe("SPARK_SQL_UNSUPPORTED");
    return error as LakebookError;
  }
  throw new Error(`expected a rejection of: ${sparkSql}`);
}
