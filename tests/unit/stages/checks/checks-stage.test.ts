import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsClients } from "../../../../pipeline/aws/clients";
import { LakebookError } from "../../../../pipeline/contract";
import type { Cell } from "../../../../pipeline/document";
import { Engine } from "../../../../pipeline/engine";
import { checksStage } from "../../../../pipeline/stages/checks";
import { FAILING_ROWS_COLUMN } from "../../../../pipeline/stages/checks/expectations";
import { FailureWithOutput, type StageContext } from "../../../../pipeline/stages/stage";

const athena = mockClient(AthenaClient);
let engine: Engine;
const logs: string[] = [];

beforeAll(async () => {
  engine = await Engine.open({ threads: 1, memoryLimit: "512MB" });
  await engine.run(`
    CREATE SCHEMA refined;
    CREATE TABLE refined.dim_genre AS SELECT * FROM (VALUES (1, 'Horror'), (2, 'Mystery')) t(genre_id, genre);
    CREATE TABLE refined.fact_title_genre AS
      SELECT * FROM (VALUES ('tt01', 1), ('tt02', 2), ('tt03', 7)) t(title_id, genre_id);
  `);
});
afterAll(async () => engine.close());

function context(kind: "local" | "aws" = "local"): StageContext {
  return {
    target: kind === "local" ? { kind } : { kind, bucket: "b", region: "eu-west-1" },
    aws: awsClients({ region: "eu-west-1" }),
    engine,
    signal: new AbortController().signal,
    log: (_level: string, text: string) => logs.push(text),
    progress: () => {},
  } as unknown as StageContext;
}

const check = (source: string, attrs: Cell["attrs"] = []): Cell => ({
  id: "checks",
  kind: "check",
  attrs,
  source,
});

const passing = check(
  "checks:\n  - table: refined.dim_genre\n    notNull: [genre_id]\n    unique: [genre_id]\n    rowCount: {min: 1}",
);
const failing = check(
  [
    "checks:",
    "  - table: refined.fact_title_genre",
    "    notNull: [title_id]",
    "    references:",
    "      - {columns: [genre_id], table: refined.dim_genre, refColumns: [genre_id]}",
  ].join("\n"),
);

describe("checksStage", () => {
  it("returns the results per table, with the text report, when every check passes", async () => {
    const outcome = await checksStage.run(passing, context());
    expect(outcome.summary).toBe("3 data checks: 3 passed");
    expect(outcome.output).toMatchObject({
      type: "checks",
      engine: "local",
      tables: [
        { table: "refined.dim_genre", checks: [{ status: "pass" }, { status: "pass" }, { status: "pass" }] },
      ],
      report:
        "refined.dim_genre\n  PASS  genre_id is not null\n  PASS  genre_id is unique\n  PASS  row count ≥ 1",
    });
    expect(logs).toContain("pass: refined.dim_genre: genre_id is unique");
  });

  it("fails the cell with the report and samples when a fact key has no dimension row", async () => {
    const error = await checksStage.run(failing, context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LakebookError);
    const { code, message, hint } = error as LakebookError;
    expect(code).toBe("CHECKS_FAILED");
    expect(message).toBe(
      "2 data checks: 1 passed, 1 failed: refined.fact_title_genre: genre_id → refined.dim_genre.genre_id",
    );
    expect(hint).toContain(
      'FAIL  genre_id → refined.dim_genre.genre_id — 1 failing row\n      {"genre_id":7,"rows":1}',
    );
    // The failure still carries the results, for the workbench's pass/fail table.
    expect(error).toBeInstanceOf(FailureWithOutput);
    expect((error as FailureWithOutput).output).toMatchObject({
      type: "checks",
      tables: [
        {
          table: "refined.fact_title_genre",
          checks: [
            { kind: "not_null", status: "pass", failing: 0 },
            {
              kind: "references",
              status: "fail",
              failing: 1,
              params: { columns: "genre_id", table: "refined.dim_genre", refColumns: "genre_id" },
              samples: { columns: ["genre_id", "rows"], rows: [[7, 1]] },
            },
          ],
        },
      ],
    });
  });

  it("runs on Athena on an AWS target (in the refined database), and locally with engine=local", async () => {
    athena.reset();
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q" });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: {
        QueryExecutionId: "q",
        StatementType: "DML",
        Status: { State: "SUCCEEDED" },
        Statistics: {},
      },
    });
    // Every check's query answers "0 failing rows".
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        ResultSetMetadata: {
          ColumnInfo: [{ Name: FAILING_ROWS_COLUMN, Label: FAILING_ROWS_COLUMN, Type: "bigint" }],
        },
        Rows: [{ Data: [{ VarCharValue: FAILING_ROWS_COLUMN }] }, { Data: [{ VarCharValue: "0" }] }],
      },
    });
    await expect(checksStage.run(passing, context("aws"))).resolves.toMatchObject({
      summary: "3 data checks: 3 passed",
    });
    const started = athena.commandCalls(StartQueryExecutionCommand).map((call) => call.args[0].input);
    expect(started).toHaveLength(3);
    expect(started[0]).toMatchObject({
      WorkGroup: "primary",
      QueryExecutionContext: { Database: "refined" },
    });
    const local = check(passing.source, [{ key: "engine", value: "local" }]);
    await expect(checksStage.run(local, context("aws"))).resolves.toMatchObject({
      summary: "3 data checks: 3 passed",
    });
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(3);
  });

  it("reads the tables a cell checks, for stale tracking", () => {
    expect(checksStage.dependencies?.(failing)).toEqual({
      reads: ["refined.dim_genre", "refined.fact_title_genre"],
      writes: [],
    });
    expect(checksStage.dependencies?.(check("checks: nope"))).toEqual({ reads: [], writes: [] });
  });
});
