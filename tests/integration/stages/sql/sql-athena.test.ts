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
import { sqlStage } from "../../../../pipeline/stages/sql";
import { type IngestBench, ingestBench } from "../ingest/helpers";

const athena = mockClient(AthenaClient);
const ID = "aaaaaaaa-2222-3333-4444-555555555555";
const target = {
  kind: "aws" as const,
  bucket: "horror-lake",
  region: "eu-west-1",
  workgroup: "students",
  athenaOutput: "s3://horror-lake/athena/",
};
const sql = (source: string, attrs: Cell["attrs"] = []): Cell => ({ id: "q", kind: "sql", attrs, source });

let bench: IngestBench;
beforeEach(async () => {
  bench = await ingestBench();
  athena.reset();
});
afterEach(async () => {
  await bench.close();
});

const columns = [
  { Name: "subgenre", Label: "subgenre", Type: "varchar" },
  { Name: "titles", Label: "titles", Type: "bigint" },
];
const row = (...values: string[]) => ({ Data: values.map((VarCharValue) => ({ VarCharValue })) });

describe("a SQL cell on an aws target", () => {
  it("estimates the cost from the tables it reads, runs on Athena, pages every result and keeps the rows pageable", async () => {
    // refined.fact is 3 MB in the lake: the estimate's upper bound, billed at Athena's 10 MB minimum.
    const folder = path.join(bench.lakeRoot, "Refined/fact");
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "part-0.parquet"), Buffer.alloc(3 * 2 ** 20));
    await bench.catalog.put({
      database: "refined",
      name: "fact",
      zone: "refined",
      location: "Refined/fact/",
      format: "parquet",
      columns: [],
      rows: null,
      producedBy: null,
    });
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: ID });
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce({ QueryExecution: { QueryExecutionId: ID, Status: { State: "QUEUED" } } })
      .resolvesOnce({ QueryExecution: { QueryExecutionId: ID, Status: { State: "RUNNING" } } })
      .resolves({
        QueryExecution: {
          QueryExecutionId: ID,
          StatementType: "DML",
          SubstatementType: "SELECT",
          Status: { State: "SUCCEEDED" },
          Statistics: { EngineExecutionTimeInMillis: 1500, DataScannedInBytes: 2 ** 20 },
        },
      });
    athena
      .on(GetQueryResultsCommand)
      .resolvesOnce({
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: columns },
          Rows: [row("subgenre", "titles"), row("slasher", "12")],
        },
        NextToken: "page-2",
      })
      .resolves({ ResultSet: { ResultSetMetadata: { ColumnInfo: columns }, Rows: [row("zombie", "7")] } });

    const context = bench.context({ target, aws: awsClients({ region: "eu-west-1" }) });
    const outcome = await sqlStage.run(
      sql("SELECT subgenre, count(*) AS titles FROM refined.fact GROUP BY subgenre"),
      context,
    );

    expect(athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input).toMatchObject({
      QueryString: "SELECT subgenre, count(*) AS titles FROM refined.fact GROUP BY subgenre",
      WorkGroup: "students",
      ResultConfiguration: { OutputLocation: "s3://horror-lake/athena/" },
      QueryExecutionContext: { Database: "refined", Catalog: "AwsDataCatalog" },
    });
    expect(athena.commandCalls(GetQueryResultsCommand).map((call) => call.args[0].input.NextToken)).toEqual([
      undefined,
      "page-2",
    ]);
    expect(outcome.summary).toMatch(
      /^2 rows × 2 columns · Athena 1\.50 s · scanned 1\.0 MB, billed 10\.0 MB → \$0\.0000\d+ \(estimated at most \$0\.0000\d+ before\)$/,
    );
    expect(bench.logs[0]).toMatch(/^info: Before running: at most scanned 3\.0 MB, billed 10\.0 MB/);
    expect(outcome.output?.type).toBe("table");
    if (outcome.output?.type !== "table") return;
    expect(outcome.output.result.rowCount).toBe(2);
    expect(await bench.engine.page(outcome.output.result.resultId, 0, 10)).toEqual([
      { subgenre: "slasher", titles: 12 },
      { subgenre: "zombie", titles: 7 },
    ]);
  });

  it("refuses a statement that would overwrite RAW before anything runs, on either engine", async () => {
    const context = bench.context({ target, aws: awsClients({ region: "eu-west-1" }) });
    await expect(sqlStage.run(sql("DROP TABLE raw.movies"), context)).rejects.toMatchObject({
      code: "RAW_IS_APPEND_ONLY",
    });
    await expect(
      sqlStage.run(sql("DELETE FROM raw.series WHERE true"), bench.context()),
    ).rejects.toMatchObject({
      code: "RAW_IS_APPEND_ONLY",
    });
    expect(athena.calls()).toHaveLength(0);
  });

  it("says Athena needs an aws target", async () => {
    await expect(
      sqlStage.run(sql("SELECT 1", [{ key: "engine", value: "athena" }] as never), bench.context()),
    ).rejects.toMatchObject({
      code: "ATHENA_NEEDS_AWS",
    });
  });
});

describe("CREATE TABLE … AS SELECT on the local lake", () => {
  it("writes a Parquet table of the lake and registers it with its lineage, instead of a DuckDB table", async () => {
    await bench.engine.run("CREATE SCHEMA IF NOT EXISTS refined");
    const first = await sqlStage.run(
      sql(
        "-- the top rated\nCREATE OR REPLACE TABLE refined.top_numbers AS SELECT range AS n FROM range(5) WHERE range > 1;",
      ),
      bench.context(),
    );
    expect(first.summary).toBe(
      "refined.top_numbers: 3 rows × 1 columns, written to Refined/top_numbers/ and registered in the catalog",
    );
    expect(await bench.catalog.get("refined", "top_numbers")).toMatchObject({
      zone: "refined",
      format: "parquet",
      location: "Refined/top_numbers/",
      rows: 3,
      producedBy: { cell: "q", inputs: [] },
    });
    const second = await sqlStage.run(
      sql("CREATE TABLE refined.bigger AS SELECT n * 10 AS m FROM refined.top_numbers"),
      bench.context(),
    );
    expect(second.summary).toMatch(/^refined\.bigger: 3 rows/);
    expect((await bench.catalog.get("refined", "bigger"))?.producedBy?.inputs).toEqual([
      "refined.top_numbers",
    ]);
    // A script of several statements runs as written, on DuckDB.
    const script = await sqlStage.run(
      sql("CREATE TABLE refined.tmp AS SELECT 1 AS x; SELECT 2 AS y"),
      bench.context(),
    );
    expect(script.summary).toBe("1 rows × 1 columns");
    expect(await bench.catalog.get("refined", "tmp")).toBeUndefined();
  });
});
