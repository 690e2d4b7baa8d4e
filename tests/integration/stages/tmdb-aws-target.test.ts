import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { awsClients } from "../../../pipeline/aws/clients";
import { selectTitles } from "../../../pipeline/stages/tmdb/select-titles";
import { tmdbStage } from "../../../pipeline/stages/tmdb/tmdb-stage";
import { type IngestBench, ingestBench } from "./ingest/helpers";

const athena = mockClient(AthenaClient);
const target = { kind: "aws" as const, bucket: "horror-lake", region: "eu-west-1", workgroup: "students" };
const columns = [
  { Name: "id", Label: "id", Type: "varchar" },
  { Name: "kind", Label: "kind", Type: "varchar" },
];
const row = (...values: string[]) => ({ Data: values.map((VarCharValue) => ({ VarCharValue })) });
const LAMBDA_CELL = "lambda: { roleArn: arn:aws:iam::123456789012:role/lakebook-tmdb }";

let bench: IngestBench;
beforeEach(async () => {
  bench = await ingestBench();
  athena.reset();
});
afterEach(async () => {
  await bench.close();
});

describe("the TMDB cell on an aws target", () => {
  it("selects the titles on Athena, every page, in the raw database", async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: "q1" });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: {
        QueryExecutionId: "q1",
        StatementType: "DML",
        Status: { State: "SUCCEEDED" },
        Statistics: {},
      },
    });
    athena
      .on(GetQueryResultsCommand)
      .resolvesOnce({
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: columns },
          Rows: [row("id", "kind"), row("tt0000001", "movie")],
        },
        NextToken: "2",
      })
      .resolves({
        ResultSet: {
          ResultSetMetadata: { ColumnInfo: columns },
          Rows: [row("tt0000002", "tv"), row("nm123", "movie")],
        },
      });
    const context = bench.context({ target, aws: awsClients({ region: "eu-west-1" }) });
    const selection = await selectTitles("SELECT id, 'movie' AS kind FROM raw.movies", context);
    expect(selection).toEqual({
      titles: [
        { imdbId: "tt0000001", kind: "movie" },
        { imdbId: "tt0000002", kind: "tv" },
      ],
      skipped: ["nm123"],
    });
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input).toMatchObject({
      WorkGroup: "students",
      QueryExecutionContext: { Database: "raw" },
    });
  });

  it("runs on Lambda only on an aws target, and only with a real TMDB credential", async () => {
    const cell = { id: "tmdb_enrich", kind: "tmdb", attrs: [], source: LAMBDA_CELL };
    await expect(tmdbStage.run(cell, bench.context())).rejects.toMatchObject({
      code: "TMDB_LAMBDA_NEEDS_AWS",
    });
    const saved = { key: process.env.TMDB_API_KEY, token: process.env.TMDB_READ_ACCESS_TOKEN };
    delete process.env.TMDB_API_KEY;
    delete process.env.TMDB_READ_ACCESS_TOKEN;
    try {
      await expect(tmdbStage.run(cell, bench.context({ target }))).rejects.toMatchObject({
        code: "TMDB_LAMBDA_NEEDS_CREDENTIALS",
      });
    } finally {
      if (saved.key !== undefined) process.env.TMDB_API_KEY = saved.key;
      if (saved.token !== undefined) process.env.TMDB_READ_ACCESS_TOKEN = saved.token;
    }
    expect(athena.calls()).toHaveLength(0);
  });
});
