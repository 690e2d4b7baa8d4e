import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  InvalidRequestException,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  TooManyRequestsException,
} from "@aws-sdk/client-athena";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AthenaStateChange, runAthenaQuery } from "../../../../pipeline/aws/athena";
import { LakebookError } from "../../../../pipeline/contract";

const athena = mockClient(AthenaClient);
const client = new AthenaClient({ region: "eu-west-1" });
const ID = "11111111-2222-3333-4444-555555555555";
const sleeps: number[] = [];
async function failure(run: Promise<unknown>): Promise<LakebookError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LakebookError)) throw new Error(`expected a LakebookError, got ${String(error)}`);
  return error;
}
const sleep = async (ms: number) => {
  sleeps.push(ms);
};

const stats = {
  EngineExecutionTimeInMillis: 1234,
  DataScannedInBytes: 5 * 2 ** 20,
  QueryQueueTimeInMillis: 56,
};
function execution(State: string, extra: Record<string, unknown> = {}) {
  return {
    QueryExecution: {
      QueryExecutionId: ID,
      Statistics: stats,
      StatementType: "DML",
      SubstatementType: "SELECT",
      ResultConfiguration: { OutputLocation: `s3://results/${ID}.csv` },
      ...extra,
      Status: { State, ...(extra.Status as object) },
    },
  } as never;
}
const columnInfo = [
  { Name: "title", Label: "title", Type: "varchar" },
  { Name: "votes", Label: "votes", Type: "bigint" },
];

beforeEach(() => {
  athena.reset();
  sleeps.length = 0;
  athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: ID });
});
afterEach(() => athena.reset());

const base = { client, sql: "SELECT title, votes FROM refined.fact_title", workgroup: "primary", sleep };

describe("runAthenaQuery: the request", () => {
  it("starts the query with workgroup, output location, database, catalog and a request token", async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution("SUCCEEDED"));
    athena
      .on(GetQueryResultsCommand)
      .resolves({ ResultSet: { ResultSetMetadata: { ColumnInfo: columnInfo }, Rows: [] } });
    await runAthenaQuery({
      ...base,
      outputLocation: "s3://results/",
      database: "refined",
      clientRequestToken: "t".repeat(32),
    });
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input).toEqual({
      QueryString: "SELECT title, votes FROM refined.fact_title",
      WorkGroup: "primary",
      ClientRequestToken: "t".repeat(32),
      QueryExecutionContext: { Database: "refined", Catalog: "AwsDataCatalog" },
      ResultConfiguration: { OutputLocation: "s3://results/" },
    });
    expect(athena.commandCalls(GetQueryExecutionCommand)[0]?.args[0].input).toEqual({ QueryExecutionId: ID });
    expect(athena.commandCalls(GetQueryResultsCommand)[0]?.args[0].input).toEqual({
      QueryExecutionId: ID,
      MaxResults: 1000,
    });
  });

  it("leaves ResultConfiguration out when no output location is given (the workgroup's applies)", async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution("SUCCEEDED"));
    athena.on(GetQueryResultsCommand).resolves({ ResultSet: { Rows: [] } });
    await runAthenaQuery({ ...base, catalog: "my_catalog" });
    const input = athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input;
    expect(input).not.toHaveProperty("ResultConfiguration");
    expect(input?.QueryExecutionContext).toEqual({ Catalog: "my_catalog" });
    expect(input?.ClientRequestToken).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a page size above Athena's 1,000 before calling it", async () => {
    await expect(runAthenaQuery({ ...base, pageSize: 1001 })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
    });
    expect(athena.calls()).toHaveLength(0);
  });
});

describe("runAthenaQuery: polling", () => {
  it("reports every state once, backs off between polls and returns the statistics and cost", async () => {
    athena
      .on(GetQueryExecutionCommand)
      .resolvesOnce(execution("QUEUED"))
      .resolvesOnce(execution("QUEUED"))
      .resolvesOnce(execution("RUNNING"))
      .resolvesOnce(execution("RUNNING"))
      .resolvesOnce(execution("RUNNING"))
      .resolves(execution("SUCCEEDED"));
    athena
      .on(GetQueryResultsCommand)
      .resolves({ ResultSet: { ResultSetMetadata: { ColumnInfo: columnInfo }, Rows: [] } });
    const states: AthenaStateChange[] = [];
    const result = await runAthenaQuery({
      ...base,
      onState: (change) => states.push(change),
      polling: { firstDelayMs: 100, maxDelayMs: 300, factor: 2 },
    });
    expect(states.map((change) => change.state)).toEqual(["QUEUED", "RUNNING", "SUCCEEDED"]);
    expect(sleeps).toEqual([100, 200, 300, 300, 300]);
    expect(result.statistics).toEqual({
      engineExecutionTimeInMillis: 1234,
      dataScannedInBytes: 5 * 2 ** 20,
      queryQueueTimeInMillis: 56,
      totalExecutionTimeInMillis: 0,
    });
    expect(result.cost.billedBytes).toBe(10 * 2 ** 20);
    expect(result.statementType).toBe("DML");
    expect(result.substatementType).toBe("SELECT");
    expect(result.outputLocation).toBe(`s3://results/${ID}.csv`);
  });

  it("keeps polling through a throttled GetQueryExecution", async () => {
    athena
      .on(GetQueryExecutionCommand)
      .rejectsOnce(new TooManyRequestsException({ message: "Rate exceeded", $metadata: {} }))
      .resolves(execution("SUCCEEDED"));
    athena.on(GetQueryResultsCommand).resolves({ ResultSet: { Rows: [] } });
    await expect(runAthenaQuery(base)).resolves.toMatchObject({ queryExecutionId: ID });
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(2);
  });

  it("turns FAILED into an error with Athena's reason", async () => {
    athena.on(GetQueryExecutionCommand).resolves(
      execution("FAILED", {
        Status: {
          StateChangeReason: "line 1:8: mismatched input 'FORM'. Expecting: <expression>",
          AthenaError: { ErrorCategory: 2, Retryable: false },
        },
      }),
    );
    const error = await failure(runAthenaQuery(base));
    expect(error).toBeInstanceOf(LakebookError);
    expect(error).toMatchObject({ code: "ATHENA_SQL_ERROR", retryable: false });
    expect((error as LakebookError).message).toContain("mismatched input 'FORM'");
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it("marks a FAILED query retryable when Athena says so", async () => {
    athena.on(GetQueryExecutionCommand).resolves(
      execution("FAILED", {
        Status: { StateChangeReason: "Internal error", AthenaError: { Retryable: true } },
      }),
    );
    await expect(runAthenaQuery(base)).rejects.toMatchObject({
      code: "ATHENA_QUERY_FAILED",
      retryable: true,
    });
  });

  it("reports a query cancelled outside Lakebook", async () => {
    athena.on(GetQueryExecutionCommand).resolves(execution("CANCELLED"));
    await expect(runAthenaQuery(base)).rejects.toMatchObject({ code: "ATHENA_CANCELLED", retryable: true });
  });

  it("explains a query stopped by the workgroup's data limit", async () => {
    athena.on(GetQueryExecutionCommand).resolves(
      execution("CANCELLED", {
        Status: { StateChangeReason: "Query exceeded the per query data scanned limit" },
      }),
    );
    const error = await failure(runAthenaQuery(base));
    expect(error).toMatchObject({ code: "ATHENA_CANCELLED", retryable: false });
    expect(error.hint).toMatch(/per-query data limit/);
  });
});

describe("runAthenaQuery: cancel", () => {
  it("stops the query on Athena when the signal aborts while it runs", async () => {
    const controller = new AbortController();
    athena.on(GetQueryExecutionCommand).callsFake(() => {
      controller.abort();
      return execution("RUNNING");
    });
    athena.on(StopQueryExecutionCommand).resolves({});
    await expect(runAthenaQuery({ ...base, signal: controller.signal })).rejects.toMatchObject({
      code: "CANCELLED",
      retryable: true,
    });
    expect(athena.commandCalls(StopQueryExecutionCommand)[0]?.args[0].input).toEqual({
      QueryExecutionId: ID,
    });
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it("never starts a query when already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runAthenaQuery({ ...base, signal: controller.signal })).rejects.toMatchObject({
      code: "CANCELLED",
    });
    expect(athena.calls()).toHaveLength(0);
  });

  it("stops a query whose start answered after the abort", async () => {
    const controller = new AbortController();
    athena.on(StartQueryExecutionCommand).callsFake(() => {
      controller.abort();
      return { QueryExecutionId: ID };
    });
    athena.on(StopQueryExecutionCommand).resolves({});
    await expect(runAthenaQuery({ ...base, signal: controller.signal })).rejects.toMatchObject({
      code: "CANCELLED",
    });
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(1);
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(0);
  });

  it("says so when Athena does not confirm the stop", async () => {
    athena.on(StopQueryExecutionCommand).rejects(new Error("network down"));
    const aborted = new AbortController();
    athena.on(StartQueryExecutionCommand).callsFake(() => {
      aborted.abort();
      return { QueryExecutionId: ID };
    });
    const error = await failure(runAthenaQuery({ ...base, signal: aborted.signal }));
    expect(error).toMatchObject({ code: "ATHENA_STOP_FAILED" });
    expect(error.hint).toMatch(/Athena console/);
  });
});

describe("runAthenaQuery: start failures", () => {
  it("explains a workgroup without a result location", async () => {
    athena.on(StartQueryExecutionCommand).rejects(
      new InvalidRequestException({
        message:
          "No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.",
        $metadata: {},
      }),
    );
    const error = await failure(runAthenaQuery(base));
    expect(error.code).toBe("ATHENA_NO_OUTPUT_LOCATION");
    expect(error.hint).toContain("athenaOutput");
  });

  it("marks throttling at start as retryable", async () => {
    athena
      .on(StartQueryExecutionCommand)
      .rejects(new TooManyRequestsException({ message: "Too many queries", $metadata: {} }));
    await expect(runAthenaQuery(base)).rejects.toMatchObject({ code: "ATHENA_THROTTLED", retryable: true });
  });
});
