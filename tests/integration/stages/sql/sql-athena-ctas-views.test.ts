import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  InvalidRequestException,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import {
  EntityNotFoundException,
  GetTableCommand,
  GetTablesCommand,
  GlueClient,
  type Table,
  UpdateTableCommand,
} from "@aws-sdk/client-glue";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { awsClients } from "../../../../pipeline/aws/clients";
import { GlueTables, PARQUET_SERDE } from "../../../../pipeline/aws/glue";
import { GlueCatalog } from "../../../../pipeline/catalog";
import type { AwsTarget, Cell } from "../../../../pipeline/document";
import { sqlStage } from "../../../../pipeline/stages/sql";
import { transformStage } from "../../../../pipeline/stages/transform";
import { type IngestBench, ingestBench } from "../ingest/helpers";

const athena = mockClient(AthenaClient);
const glue = mockClient(GlueClient);
const ID = "aaaaaaaa-2222-3333-4444-555555555555";
const target: AwsTarget = {
  kind: "aws",
  bucket: "horror-lake",
  region: "eu-west-1",
  prefix: "lake",
  workgroup: "students",
  glueRole: "LakebookGlue",
};
const sql = (source: string): Cell => ({ id: "top", kind: "sql", attrs: [], source });
const notFound = () => new EntityNotFoundException({ message: "none", $metadata: {} });

let bench: IngestBench;
beforeEach(async () => {
  bench = await ingestBench();
  athena.reset();
  glue.reset();
  athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: ID });
  athena.on(GetQueryExecutionCommand).resolves({
    QueryExecution: {
      QueryExecutionId: ID,
      StatementType: "DDL",
      SubstatementType: "CREATE_TABLE_AS_SELECT",
      Status: { State: "SUCCEEDED" },
      Statistics: { EngineExecutionTimeInMillis: 900, DataScannedInBytes: 2 ** 20 },
    },
  });
  athena
    .on(GetQueryResultsCommand)
    .resolves({ ResultSet: { ResultSetMetadata: { ColumnInfo: [] }, Rows: [] } });
  glue.on(GetTableCommand).rejects(notFound());
});
afterEach(async () => {
  await bench.close();
});

function context() {
  const aws = awsClients({ region: "eu-west-1" });
  const catalog = new GlueCatalog({
    tables: new GlueTables({ client: aws.glue(), bucket: "horror-lake", prefix: "lake/" }),
  });
  return { catalog, context: bench.context({ target, aws, catalog }) };
}

/** What Athena registers after `CREATE TABLE refined.top_subgenres WITH (external_location …) AS …`. */
const ATHENA_CTAS_TABLE: Table = {
  Name: "top_subgenres",
  DatabaseName: "refined",
  TableType: "EXTERNAL_TABLE",
  Parameters: { EXTERNAL: "TRUE", has_encrypted_data: "false" },
  StorageDescriptor: {
    Columns: [{ Name: "subgenre", Type: "string" }],
    Location: "s3://horror-lake/lake/Refined/top_subgenres/",
    InputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
    OutputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
    SerdeInfo: { SerializationLibrary: PARQUET_SERDE, Parameters: { "serialization.format": "1" } },
  },
};

describe("CTAS from a SQL cell on Athena", () => {
  it("writes Parquet into the lake's zone, where a local CTAS writes, and records the lineage", async () => {
    // Without external_location Athena writes the table under the query-results location:
    // https://docs.aws.amazon.com/athena/latest/ug/considerations-ctas.html
    glue
      .on(GetTableCommand, { DatabaseName: "refined", Name: "top_subgenres" })
      .resolves({ Table: ATHENA_CTAS_TABLE });
    glue.on(UpdateTableCommand).resolves({});
    const { catalog, context: ctx } = context();
    const outcome = await sqlStage.run(
      sql("CREATE TABLE refined.top_subgenres AS SELECT subgenre FROM refined.fact_title"),
      ctx,
    );
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input.QueryString).toBe(
      "CREATE TABLE refined.top_subgenres WITH (external_location = 's3://horror-lake/lake/Refined/top_subgenres/', format = 'PARQUET') AS SELECT subgenre FROM refined.fact_title",
    );
    expect(outcome.summary).toContain("refined.top_subgenres written to Refined/top_subgenres/");
    const table = await catalog.get("refined", "top_subgenres");
    expect(table).toMatchObject({ location: "Refined/top_subgenres/", format: "parquet" });
    const update = glue.commandCalls(UpdateTableCommand)[0]?.args[0].input;
    expect(JSON.parse(update?.TableInput?.Parameters?.["lakebook.producedBy"] ?? "{}")).toEqual({
      cell: "top",
      inputs: ["refined.fact_title"],
    });
  });

  it("keeps the user's other properties, and refuses one that points elsewhere, naming the right one", async () => {
    glue.on(UpdateTableCommand).resolves({});
    const { context: ctx } = context();
    await sqlStage.run(
      sql(
        "CREATE TABLE trusted.movies_by_year WITH (partitioned_by = ARRAY['ano'], write_compression = 'SNAPPY') AS SELECT id, ano FROM raw.movies",
      ),
      ctx,
    );
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input.QueryString).toBe(
      "CREATE TABLE trusted.movies_by_year WITH (external_location = 's3://horror-lake/lake/Trusted/Local/Parquet/movies_by_year/', format = 'PARQUET', partitioned_by = ARRAY['ano'], write_compression = 'SNAPPY') AS SELECT id, ano FROM raw.movies",
    );
    const elsewhere = await sqlStage
      .run(
        sql("CREATE TABLE refined.x WITH (external_location = 's3://my-results/x/') AS SELECT 1 AS one"),
        ctx,
      )
      .catch((e) => e);
    expect(elsewhere).toMatchObject({ code: "ATHENA_CTAS_PROPERTY" });
    expect(elsewhere.message).toContain("external_location = 's3://horror-lake/lake/Refined/x/'");
    const orc = await sqlStage
      .run(sql("CREATE TABLE refined.x WITH (format = 'ORC') AS SELECT 1 AS one"), ctx)
      .catch((e) => e);
    expect(orc).toMatchObject({ code: "ATHENA_CTAS_PROPERTY" });
    const outside = await sqlStage.run(sql("CREATE TABLE scratch.x AS SELECT 1 AS one"), ctx).catch((e) => e);
    expect(outside).toMatchObject({ code: "ATHENA_CTAS_OUTSIDE_LAKE" });
    expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(1);
  });

  it("names the workgroup and what to change when it enforces its own result location", async () => {
    // StartQueryExecution's answer in a workgroup with EnforceWorkGroupConfiguration, in AWS's words
    // (https://github.com/dbt-labs/dbt-athena/issues/176;
    // https://docs.aws.amazon.com/athena/latest/ug/ctas-considerations-limitations.html).
    athena.on(StartQueryExecutionCommand).rejects(
      new InvalidRequestException({
        message:
          "The Create Table As Select query failed because it was submitted with an 'external_location' property to an Athena Workgroup that enforces a centralized output location for all queries. Please remove the 'external_location' property and resubmit the query.",
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const { context: ctx } = context();
    const error = await sqlStage
      .run(sql("CREATE TABLE refined.top_subgenres AS SELECT subgenre FROM refined.fact_title"), ctx)
      .catch((e) => e);
    expect(error).toMatchObject({ code: "ATHENA_CTAS_LOCATION_ENFORCED", retryable: false });
    expect(error.message).toContain(
      'Athena refused to write refined.top_subgenres to Refined/top_subgenres/: the workgroup "students"',
    );
    expect(error.message).toContain('"Override client-side settings" on');
    expect(error.hint).toContain('For the workgroup "students", turn off "Override client-side settings"');
    expect(error.hint).toContain(
      "set `workgroup:` in the notebook's target to a workgroup that does not override them",
    );
  });
});

/**
 * What Athena stores for `CREATE VIEW refined.horror_titles AS SELECT … FROM refined.fact_title`: a
 * VIRTUAL_VIEW with no location and the SQL in ViewOriginalText as `/* Presto View: <base64> *\/`
 * (https://docs.aws.amazon.com/athena/latest/ug/views.html).
 */
const VIEW_SQL = "SELECT title_id, subgenre FROM refined.fact_title WHERE subgenre IS NOT NULL";
const ATHENA_VIEW: Table = {
  Name: "horror_titles",
  DatabaseName: "refined",
  TableType: "VIRTUAL_VIEW",
  Parameters: { comment: "Presto View", presto_view: "true" },
  StorageDescriptor: {
    Columns: [
      { Name: "title_id", Type: "string" },
      { Name: "subgenre", Type: "string" },
    ],
    Location: "",
    SerdeInfo: {},
  },
  ViewOriginalText: `/* Presto View: ${Buffer.from(
    JSON.stringify({
      originalSql: VIEW_SQL,
      catalog: "awsdatacatalog",
      schema: "refined",
      columns: [
        { name: "title_id", type: "varchar" },
        { name: "subgenre", type: "varchar" },
      ],
    }),
  ).toString("base64")} */`,
  ViewExpandedText: "/* Presto View */",
};

describe("Athena views in the Glue Data Catalog", () => {
  it("are read as views with their columns, not as corrupt tables", async () => {
    glue
      .on(GetTableCommand, { DatabaseName: "refined", Name: "horror_titles" })
      .resolves({ Table: ATHENA_VIEW });
    glue.on(GetTablesCommand).resolves({ TableList: [] });
    glue.on(GetTablesCommand, { DatabaseName: "refined" }).resolves({ TableList: [ATHENA_VIEW] });
    const { catalog } = context();
    const view = await catalog.get("refined", "horror_titles");
    expect(view).toMatchObject({
      database: "refined",
      name: "horror_titles",
      view: { sql: VIEW_SQL },
      columns: [
        { name: "title_id", type: "string" },
        { name: "subgenre", type: "string" },
      ],
    });
    const listed = await catalog.listWithProblems();
    expect(listed.problems).toEqual([]);
    expect(listed.tables.map((t) => t.name)).toEqual(["horror_titles"]);
  });

  it("gives a transform reading a view on Glue a clear answer naming the tables it selects from", async () => {
    glue
      .on(GetTableCommand, { DatabaseName: "refined", Name: "horror_titles" })
      .resolves({ Table: ATHENA_VIEW });
    const { context: ctx } = context();
    const cell = {
      id: "agg",
      kind: "transform",
      attrs: [],
      source:
        "-- output: refined.agg\n-- inputs:\n--   titles: refined.horror_titles\nSELECT subgenre, count(*) AS n FROM titles GROUP BY subgenre",
    };
    const error = await transformStage.run(cell, ctx).catch((e) => e);
    // Athena views are Presto views, readable from Athena and Presto only:
    // https://docs.aws.amazon.com/athena/latest/ug/considerations-limitations-views.html
    expect(error.code).toBe("TRANSFORM_INPUT_IS_VIEW");
    expect(error.message).toContain("Glue's Spark cannot read Athena views");
    expect(error.hint).toContain("refined.fact_title");
  });

  it("estimates a query on a view from the tables the view reads", async () => {
    glue
      .on(GetTableCommand, { DatabaseName: "refined", Name: "horror_titles" })
      .resolves({ Table: ATHENA_VIEW });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: {
        QueryExecutionId: ID,
        StatementType: "DML",
        Status: { State: "SUCCEEDED" },
        Statistics: {},
      },
    });
    const { context: ctx } = context();
    await sqlStage.run(sql("SELECT * FROM refined.horror_titles"), ctx);
    const asked = glue
      .commandCalls(GetTableCommand)
      .map((call) => `${call.args[0].input.DatabaseName}.${call.args[0].input.Name}`);
    expect(asked).toEqual(["refined.horror_titles", "refined.fact_title"]);
  });
});
