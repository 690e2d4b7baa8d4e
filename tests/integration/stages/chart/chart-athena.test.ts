import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { awsClients } from "../../../../pipeline/aws/clients";
import type { Cell } from "../../../../pipeline/document";
import { chartStage } from "../../../../pipeline/stages/chart";
import { type IngestBench, ingestBench } from "../ingest/helpers";

const athena = mockClient(AthenaClient);
const target = { kind: "aws" as const, bucket: "horror-lake", region: "eu-west-1", workgroup: "students" };

let bench: IngestBench;
beforeEach(async () => {
  bench = await ingestBench();
  athena.reset();
  // refined.fact is 3 MB in the lake: the estimate logged before each query.
  const folder = path.join(bench.lakeRoot, "Refined/fact");
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "part-0.parquet"), Buffer.alloc(3 * 2 ** 20));
  await bench.catalog.put({
    database: "refined",
    name: "fact",
    zone: "refined",
    location: "Refined/fact/",
    format: "parquet",
    columns: [{ name: "subgenre", type: "VARCHAR" }],
    rows: null,
    producedBy: null,
  });
  // Each query gets its own id; its answer depends on what the chart asked.
  const asked = new Map<string, string>();
  athena.on(StartQueryExecutionCommand).callsFake((input: { QueryString: string }) => {
    const id = `aaaaaaaa-2222-3333-4444-${String(asked.size).padStart(12, "0")}`;
    asked.set(id, input.QueryString);
    return { QueryExecutionId: id };
  });
  athena.on(GetQueryExecutionCommand).callsFake((input: { QueryExecutionId: string }) => ({
    QueryExecution: {
      QueryExecutionId: input.QueryExecutionId,
      StatementType: "DML",
      SubstatementType: "SELECT",
      Status: { State: "SUCCEEDED" },
      Statistics: { EngineExecutionTimeInMillis: 400, DataScannedInBytes: 2 ** 20 },
    },
  }));
  const cell = (VarCharValue: string) => ({ VarCharValue });
  athena.on(GetQueryResultsCommand).callsFake((input: { QueryExecutionId: string }) => {
    const sql = asked.get(input.QueryExecutionId) ?? "";
    if (sql.includes("LIMIT 0")) {
      const info = [{ Name: "subgenre", Label: "subgenre", Type: "varchar" }];
      if (sql.includes("score")) info.push({ Name: "score", Label: "score", Type: "integer" });
      return {
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: info },
          Rows: [{ Data: info.map((c) => cell(c.Name)) }],
        },
      };
    }
    if (sql.startsWith("SELECT count(*) AS n")) {
      const info = [{ Name: "n", Label: "n", Type: "bigint" }];
      return {
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: info },
          Rows: [{ Data: [cell("n")] }, { Data: [cell("19")] }],
        },
      };
    }
    const info = [
      { Name: "subgenre", Label: "subgenre", Type: "varchar" },
      { Name: "__count", Label: "__count", Type: "bigint" },
    ];
    const header = { Data: info.map((c) => cell(c.Name)) };
    return {
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: info },
        Rows: [header, { Data: [cell("slasher"), cell("12")] }, { Data: [cell("zombie"), cell("7")] }],
      },
    };
  });
});
afterEach(async () => {
  await bench.close();
});

const chart = (spec: object): Cell => ({
  id: "by_subgenre",
  kind: "chart",
  attrs: [{ key: "table", value: "refined.fact" }],
  source: JSON.stringify(spec),
});

describe("a chart cell on an aws target", () => {
  it("runs its queries on Athena, with the cost before each and the total after", async () => {
    const context = bench.context({ target, aws: awsClients({ region: "eu-west-1" }) });
    const outcome = await chartStage.run(
      chart({
        mark: "bar",
        encoding: { x: { field: "subgenre", type: "nominal" }, y: { aggregate: "count" } },
      }),
      context,
    );
    const queries = athena.commandCalls(StartQueryExecutionCommand).map((call) => call.args[0].input);
    expect(queries.length).toBeGreaterThanOrEqual(2);
    for (const input of queries) expect(input).toMatchObject({ WorkGroup: "students" });
    expect(queries.some((q) => /GROUP BY/i.test(q.QueryString ?? ""))).toBe(true);
    expect(
      bench.logs.filter((line) => line.startsWith("info: Chart: Before running: at most scanned 3.0 MB")),
    ).toHaveLength(queries.length);
    expect(outcome.summary).toMatch(
      new RegExp(
        `Athena: ${queries.length} queries, scanned .* → \\$[0-9.]+ \\(estimated at most \\$[0-9.]+ before\\)$`,
      ),
    );
    expect(outcome.output?.type).toBe("chart");
    if (outcome.output?.type !== "chart") return;
    expect(outcome.output.sourceRows).toBe(19);
    expect(outcome.output.sentRows).toBe(2);
  });

  it("says plainly when the preview is the local lake's, because Athena lacks a DuckDB function", async () => {
    const rows: Cell = {
      id: "rows",
      kind: "sql",
      attrs: [],
      source: "SELECT 'slasher' AS subgenre, 3 AS score UNION ALL SELECT 'zombie', 5",
    };
    const cell: Cell = {
      id: "median_score",
      kind: "chart",
      attrs: [{ key: "source", value: "rows" }],
      source: JSON.stringify({
        mark: "bar",
        encoding: { x: { field: "subgenre", type: "nominal" }, y: { field: "score", aggregate: "median" } },
      }),
    };
    const context = bench.context({ target, aws: awsClients({ region: "eu-west-1" }) });
    context.notebook = { ...context.notebook, cells: [rows, cell] };
    const outcome = await chartStage.run(cell, context);
    const queries = athena
      .commandCalls(StartQueryExecutionCommand)
      .map((call) => call.args[0].input.QueryString ?? "");
    expect(queries.some((q) => /quantile_cont/.test(q))).toBe(false);
    expect(outcome.summary).toMatch(/previewed on the local lake$/);
    if (outcome.output?.type !== "chart") throw new Error("no chart");
    expect(outcome.output.warnings[0]).toMatch(/^Preview from the local lake \(DuckDB\), not Athena/);
    expect(outcome.output.sentRows).toBe(2);
  });
});
