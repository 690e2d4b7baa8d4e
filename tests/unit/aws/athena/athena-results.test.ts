import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runAthenaQuery } from "../../../../pipeline/aws/athena";

const athena = mockClient(AthenaClient);
const client = new AthenaClient({ region: "eu-west-1" });
const ID = "q-1";
const base = { client, sql: "SELECT 1", workgroup: "primary", sleep: async () => {} };
const cell = (value?: string) => (value === undefined ? {} : { VarCharValue: value });
const row = (...values: (string | undefined)[]) => ({ Data: values.map(cell) });

function succeeded(StatementType: string, SubstatementType: string) {
  athena.on(GetQueryExecutionCommand).resolves({
    QueryExecution: { QueryExecutionId: ID, Status: { State: "SUCCEEDED" }, StatementType, SubstatementType },
  } as never);
}

beforeEach(() => {
  athena.reset();
  athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: ID });
});
afterEach(() => athena.reset());

describe("reading results", () => {
  const info = [
    { Name: "title", Label: "title", Type: "varchar" },
    { Name: "votes", Label: "votes", Type: "bigint" },
  ];

  it("drops the header row of a SELECT and follows NextToken page by page", async () => {
    succeeded("DML", "SELECT");
    athena
      .on(GetQueryResultsCommand, { QueryExecutionId: ID, MaxResults: 2 })
      .resolves({
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: info },
          Rows: [row("title", "votes"), row("Alien", "900")],
        },
        NextToken: "page-2",
      })
      .on(GetQueryResultsCommand, { QueryExecutionId: ID, MaxResults: 2, NextToken: "page-2" })
      .resolves({
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: info },
          Rows: [row("title", "votes"), row("Us", undefined)],
        },
        NextToken: "page-3",
      })
      .on(GetQueryResultsCommand, { QueryExecutionId: ID, MaxResults: 2, NextToken: "page-3" })
      .resolves({
        ResultSet: { ResultSetMetadata: { ColumnInfo: info }, Rows: [row("X", "9007199254740993")] },
      });
    const result = await runAthenaQuery({ ...base, pageSize: 2 });
    expect(result.columns).toEqual([
      { name: "title", type: "varchar" },
      { name: "votes", type: "bigint" },
    ]);
    expect(result.rows).toEqual([{ title: "Alien", votes: 900 }]);
    // Only the first page's first row is the header: a later data row equal to it is data.
    const later: unknown[] = [];
    for await (const page of result.morePages()) later.push(...page);
    expect(later).toEqual([
      { title: "title", votes: "votes" },
      { title: "Us", votes: null },
      { title: "X", votes: "9007199254740993" },
    ]);
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(3);
  });

  it("reads pages only as they are asked for", async () => {
    succeeded("DML", "SELECT");
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: { ResultSetMetadata: { ColumnInfo: info }, Rows: [row("title", "votes"), row("A", "1")] },
      NextToken: "more",
    });
    const result = await runAthenaQuery(base);
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(1);
    const pages = result.morePages();
    await pages.next();
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(2);
    await pages.return(undefined);
  });

  it("keeps every row of a DDL result, which has no header row", async () => {
    succeeded("UTILITY", "SHOW_TABLES");
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: [{ Name: "tab_name", Label: "tab_name", Type: "string" }] },
        Rows: [row("tab_name"), row("movies")],
      },
    });
    const result = await runAthenaQuery({ ...base, sql: "SHOW TABLES IN raw" });
    expect(result.rows).toEqual([{ tab_name: "tab_name" }, { tab_name: "movies" }]);
  });

  it("returns a CTAS's row count and no header", async () => {
    succeeded("DDL", "CREATE_TABLE_AS_SELECT");
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: [{ Name: "rows", Type: "bigint" }] },
        Rows: [row("1200")],
      },
    });
    const result = await runAthenaQuery({ ...base, sql: "CREATE TABLE trusted.t AS SELECT 1" });
    expect(result.substatementType).toBe("CREATE_TABLE_AS_SELECT");
    expect(result.rows).toEqual([{ rows: 1200 }]);
  });

  it("keeps the first row of a DML result that is not the header (INSERT's row count)", async () => {
    succeeded("DML", "INSERT");
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: { ResultSetMetadata: { ColumnInfo: [{ Name: "rows", Type: "bigint" }] }, Rows: [row("3")] },
    });
    expect((await runAthenaQuery(base)).rows).toEqual([{ rows: 3 }]);
  });

  it("handles a result with no rows and no metadata (CREATE VIEW)", async () => {
    succeeded("DDL", "CREATE_VIEW");
    athena.on(GetQueryResultsCommand).resolves({ ResultSet: { Rows: [] } });
    const result = await runAthenaQuery(base);
    expect(result.columns).toEqual([]);
    expect(result.rows).toEqual([]);
  });

  it("types every Athena column kind from ColumnInfo", async () => {
    succeeded("DML", "SELECT");
    const types: [string, string, unknown, Record<string, unknown>?][] = [
      ["v", "varchar", "Scream"],
      ["i", "integer", 42],
      ["b", "bigint", -7],
      ["d", "double", 7.5],
      ["nan", "double", "NaN"],
      ["ok", "boolean", true],
      ["day", "date", "2026-01-05"],
      ["at", "timestamp", "2026-01-05T12:34:56.789"],
      ["money", "decimal", 1234.56, { Precision: 10, Scale: 2 }],
      ["big", "decimal", "12345678901234567.89", { Precision: 38, Scale: 2 }],
      ["tags", "array", "[horror, slasher]"],
      ["m", "map", "{a=1}"],
      ["r", "row", "{x=1, y=2}"],
    ];
    const raw = [
      "Scream",
      "42",
      "-7",
      "7.5",
      "NaN",
      "true",
      "2026-01-05",
      "2026-01-05 12:34:56.789",
      "1234.56",
      "12345678901234567.89",
      "[horror, slasher]",
      "{a=1}",
      "{x=1, y=2}",
    ];
    const ColumnInfo = types.map(([Name, Type, , extra]) => ({ Name, Label: Name, Type, ...extra }));
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        ResultSetMetadata: { ColumnInfo },
        Rows: [row(...types.map(([name]) => name)), row(...raw)],
      },
    });
    const result = await runAthenaQuery(base);
    expect(result.rows[0]).toEqual(Object.fromEntries(types.map(([name, , value]) => [name, value])));
    expect(result.columns.find((c) => c.name === "money")?.type).toBe("decimal(10,2)");
  });

  it("renames repeated column labels like DuckDB does", async () => {
    succeeded("DML", "SELECT");
    const ColumnInfo = [
      { Name: "id", Label: "id", Type: "integer" },
      { Name: "id", Label: "id", Type: "integer" },
    ];
    athena
      .on(GetQueryResultsCommand)
      .resolves({ ResultSet: { ResultSetMetadata: { ColumnInfo }, Rows: [row("id", "id"), row("1", "2")] } });
    const result = await runAthenaQuery(base);
    expect(result.columns.map((c) => c.name)).toEqual(["id", "id_1"]);
    expect(result.rows).toEqual([{ id: 1, id_1: 2 }]);
  });
});
