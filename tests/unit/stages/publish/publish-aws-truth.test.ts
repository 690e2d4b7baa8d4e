import { StartQueryExecutionCommand } from "@aws-sdk/client-athena";
import {
  CreateAnalysisCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  CreateIngestionCommand,
  DeleteDataSourceCommand,
  DescribeDataSourceCommand,
  DescribeIngestionCommand,
  UpdateDataSourceCommand,
} from "@aws-sdk/client-quicksight";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LakebookError } from "../../../../pipeline/contract";
import type { Engine } from "../../../../pipeline/engine";
import { createPublishStage, quicksightType } from "../../../../pipeline/stages/publish";
import {
  arnOf,
  athenaColumns,
  cell,
  clients,
  context,
  DS_ARN,
  firstPublishMocks,
  mocks,
  notebook,
  passingPreflight,
  resetMocks,
} from "./fixtures";

/**
 * On the aws target a publish declares and checks what QuickSight will really see, and does not
 * call anything done before QuickSight says so: column types from Athena and Glue, the SPICE load
 * polled to its end, a data source QuickSight failed to build rebuilt.
 */
const stage = createPublishStage({ clients, sleep: async () => undefined });
const qs = mocks.quicksight;
const input = <T>(command: abstract new (...args: never[]) => T, index = 0) =>
  qs.commandCalls(command as never)[index]?.args[0].input as Record<string, unknown> | undefined;

beforeEach(() => {
  resetMocks();
  passingPreflight();
});
afterEach(resetMocks);

/** A workspace on the aws target: the local lake holds no REFINED tables, so DuckDB cannot describe the SQL. */
function awsContext(nb: ReturnType<typeof notebook>) {
  const ctx = context(nb);
  const engine = {
    query: async () => {
      throw new Error("Catalog Error: Table with name fact_title_rating does not exist!");
    },
    release: async () => undefined,
  } as unknown as Engine;
  return { ...ctx, engine };
}

const YEAR_SQL = "SELECT release_year, count(*) AS titles FROM refined.dim_title GROUP BY release_year";
const LINE_SPEC = {
  mark: "line",
  encoding: {
    x: { field: "release_year", type: "temporal" },
    y: { field: "titles", type: "quantitative" },
  },
};

describe("dataset columns on the aws target", () => {
  it("maps Athena and Glue types to QuickSight's InputColumn types", () => {
    // https://docs.aws.amazon.com/quicksight/latest/APIReference/API_InputColumn.html
    expect(
      ["bigint", "integer", "smallint", "decimal(12,2)", "double", "varchar(20)", "string", "boolean"].map(
        quicksightType,
      ),
    ).toEqual(["INTEGER", "INTEGER", "INTEGER", "DECIMAL", "DECIMAL", "STRING", "STRING", "BIT"]);
    expect(
      ["date", "timestamp", "timestamp with time zone", "json", "array<string>", "time"].map(quicksightType),
    ).toEqual(["DATETIME", "DATETIME", "DATETIME", "JSON", "STRING", "STRING"]);
  });

  it("types a SQL chart's dataset from Athena's result columns, not the chart's encoding", async () => {
    const nb = notebook("dashboard: horror-subgenres\ncharts: [titles_by_year]", [
      cell("by_year", "sql", YEAR_SQL),
      cell("titles_by_year", "chart", JSON.stringify(LINE_SPEC), { source: "by_year" }),
    ]);
    athenaColumns([
      { Name: "release_year", Type: "integer" },
      { Name: "titles", Type: "bigint" },
    ]);
    firstPublishMocks();
    const outcome = await stage.run(nb.cells.at(-1) as never, awsContext(nb));

    const tables = input(CreateDataSetCommand)?.PhysicalTableMap as Record<string, { CustomSql: unknown }>;
    const table = tables.lakebook;
    // Before: the encoding said temporal → DATETIME and quantitative → DECIMAL.
    expect(table?.CustomSql).toMatchObject({
      SqlQuery: YEAR_SQL,
      Columns: [
        { Name: "release_year", Type: "INTEGER" },
        { Name: "titles", Type: "INTEGER" },
      ],
    });
    const start = mocks.athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input;
    expect(start?.QueryString).toBe(`SELECT * FROM (\n${YEAR_SQL}\n) AS lakebook_columns LIMIT 0`);
    expect(start?.WorkGroup).toBe("primary");
    // The year is a number in QuickSight: no date dimension over an integer.
    const definition = JSON.stringify(input(CreateAnalysisCommand));
    expect(definition).not.toContain("DateDimensionField");
    expect(definition).toContain("NumericalDimensionField");
    const text = outcome.output?.type === "publish" ? outcome.output.text : "";
    expect(text).toContain("columns from Athena's result columns of the SQL cell by_year");
  });
});

describe("SPICE loads are polled to their end", () => {
  // DescribeIngestion: IngestionStatus INITIALIZED | QUEUED | RUNNING | FAILED | COMPLETED | CANCELLED,
  // ErrorInfo on failure (https://docs.aws.amazon.com/quicksight/latest/APIReference/API_Ingestion.html).
  const SPICE = "dashboard: horror-subgenres\ncharts: [rating_by_subgenre]\nimportMode: SPICE";

  it("waits for the ingestion the dataset's creation started, through RUNNING to COMPLETED", async () => {
    firstPublishMocks();
    qs.on(CreateDataSetCommand).callsFake((i: { DataSetId: string }) => ({
      Arn: arnOf("dataset", i.DataSetId),
      IngestionId: "ing-1",
    }));
    const ingestion = (status: string) => ({
      Ingestion: { Arn: "arn:ing", CreatedTime: new Date(0), IngestionStatus: status },
    });
    qs.on(DescribeIngestionCommand)
      .resolvesOnce(ingestion("QUEUED") as never)
      .resolvesOnce(ingestion("RUNNING") as never)
      .resolves({
        Ingestion: {
          Arn: "arn:ing",
          CreatedTime: new Date(0),
          IngestionStatus: "COMPLETED",
          RowInfo: { RowsIngested: 21, RowsDropped: 0 },
        },
      });
    const nb = notebook(SPICE);
    const outcome = await stage.run(nb.cells.at(-1) as never, context(nb));
    expect(qs.commandCalls(DescribeIngestionCommand).map((c) => c.args[0].input)).toEqual(
      Array(3).fill({
        AwsAccountId: "123456789012",
        DataSetId: "lakebook-horror-subgenres-rating_by_subgenre",
        IngestionId: "ing-1",
      }),
    );
    expect(qs.commandCalls(CreateIngestionCommand)).toHaveLength(0);
    const text = outcome.output?.type === "publish" ? outcome.output.text : "";
    expect(text).toContain("SPICE ingestion ing-1 completed (21 rows)");
  });

  it("fails with QuickSight's reason when the load FAILED, instead of publishing empty visuals", async () => {
    firstPublishMocks();
    qs.on(DescribeIngestionCommand).resolves({
      Ingestion: {
        Arn: "arn:ing",
        CreatedTime: new Date(0),
        IngestionStatus: "FAILED",
        ErrorInfo: { Type: "PERMISSION_DENIED", Message: "Access denied to s3://horror-lake/athena/" },
      },
    });
    const nb = notebook(SPICE);
    const error = await stage.run(nb.cells.at(-1) as never, context(nb)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LakebookError);
    expect((error as LakebookError).code).toBe("QUICKSIGHT_INGESTION_FAILED");
    expect((error as LakebookError).message).toContain(
      "(FAILED): PERMISSION_DENIED: Access denied to s3://horror-lake/athena/",
    );
    expect((error as LakebookError).hint).toMatch(/Security & permissions/);
    // The dataset answered without an ingestion id, so one was started, then polled.
    expect(input(CreateIngestionCommand)).toMatchObject({ IngestionType: "FULL_REFRESH" });
    expect(qs.commandCalls(CreateAnalysisCommand)).toHaveLength(0);
  });
});

describe("a data source QuickSight failed to build is not reused", () => {
  it("deletes one in CREATION_FAILED, creates it again and says why", async () => {
    firstPublishMocks();
    qs.on(DescribeDataSourceCommand)
      .resolvesOnce({
        DataSource: {
          Arn: DS_ARN,
          Name: "Lakebook Athena (primary)",
          Type: "ATHENA",
          Status: "CREATION_FAILED",
          DataSourceParameters: { AthenaParameters: { WorkGroup: "primary" } },
          ErrorInfo: { Type: "ACCESS_DENIED", Message: "QuickSight cannot use the workgroup primary" },
        },
      })
      .resolves({ DataSource: { Arn: DS_ARN, Status: "CREATION_SUCCESSFUL" } });
    const nb = notebook("dashboard: horror-subgenres\ncharts: [rating_by_subgenre]");
    const outcome = await stage.run(nb.cells.at(-1) as never, context(nb));
    const order = qs.calls().map((c) => (c.args[0] as object).constructor.name);
    expect(order.indexOf("DeleteDataSourceCommand")).toBeGreaterThan(-1);
    expect(order.indexOf("DeleteDataSourceCommand")).toBeLessThan(order.indexOf("CreateDataSourceCommand"));
    expect(input(DeleteDataSourceCommand)).toEqual({
      AwsAccountId: "123456789012",
      DataSourceId: "lakebook-horror-subgenres-athena",
    });
    expect(qs.commandCalls(CreateDataSourceCommand)).toHaveLength(1);
    const text = outcome.output?.type === "publish" ? outcome.output.text : "";
    expect(text).toContain(
      "created (it was CREATION_FAILED: ACCESS_DENIED: QuickSight cannot use the workgroup primary)",
    );
  });

  it("updates one in UPDATE_FAILED again and waits for it", async () => {
    firstPublishMocks();
    qs.on(DescribeDataSourceCommand)
      .resolvesOnce({
        DataSource: {
          Arn: DS_ARN,
          Name: "Lakebook Athena (primary)",
          Type: "ATHENA",
          Status: "UPDATE_FAILED",
          DataSourceParameters: { AthenaParameters: { WorkGroup: "primary" } },
        },
      })
      .resolves({ DataSource: { Arn: DS_ARN, Status: "UPDATE_SUCCESSFUL" } });
    const nb = notebook("dashboard: horror-subgenres\ncharts: [rating_by_subgenre]");
    await stage.run(nb.cells.at(-1) as never, context(nb));
    expect(qs.commandCalls(UpdateDataSourceCommand)).toHaveLength(1);
    expect(qs.commandCalls(DeleteDataSourceCommand)).toHaveLength(0);
  });
});
