import {
  AccessDeniedException,
  BatchCreatePartitionCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteTableCommand,
  EntityNotFoundException,
  GetTableCommand,
  GetTablesCommand,
  GlueClient,
  type Table,
  type TableInput,
  UpdateTableCommand,
} from "@aws-sdk/client-glue";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { GlueTables } from "../../../../pipeline/aws/glue";
import { GlueCatalog } from "../../../../pipeline/catalog";
import type { CatalogTable } from "../../../../pipeline/contract";

const client = new GlueClient({ region: "us-east-1" });
const glue = mockClient(client);
const notFound = () => new EntityNotFoundException({ message: "not found", $metadata: {} });
const catalog = new GlueCatalog({
  tables: new GlueTables({ client, bucket: "lakebook-data-lake", prefix: "lake/", pageSize: 2 }),
});

const movies: CatalogTable = {
  database: "trusted",
  name: "tmdb_movies",
  zone: "trusted",
  location: "Trusted/TMDB/Parquet/tmdb_movies/",
  format: "parquet",
  columns: [
    { name: "imdb_id", type: "VARCHAR" },
    { name: "budget", type: "BIGINT" },
  ],
  partitionKeys: [{ name: "dt", type: "DATE" }],
  rows: 1200,
  role: "dimension",
  primaryKey: ["imdb_id"],
  producedBy: { cell: "trusted_tmdb_movies", inputs: ["raw.tmdb"] },
};

/** What Glue stores for `movies`: Parquet SerDe, partition keys apart, Lakebook's fields as parameters. */
const MOVIES_INPUT: TableInput = {
  Name: "tmdb_movies",
  TableType: "EXTERNAL_TABLE",
  Parameters: {
    EXTERNAL: "TRUE",
    classification: "parquet",
    "lakebook.zone": "trusted",
    "lakebook.role": "dimension",
    "lakebook.primaryKey": '["imdb_id"]',
    "lakebook.producedBy": '{"cell":"trusted_tmdb_movies","inputs":["raw.tmdb"]}',
    "lakebook.rows": "1200",
  },
  PartitionKeys: [{ Name: "dt", Type: "date" }],
  StorageDescriptor: {
    Columns: [
      { Name: "imdb_id", Type: "string" },
      { Name: "budget", Type: "bigint" },
    ],
    Location: "s3://lakebook-data-lake/lake/Trusted/TMDB/Parquet/tmdb_movies/",
    InputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
    OutputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
    SerdeInfo: {
      SerializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
      Parameters: { "serialization.format": "1" },
    },
  },
};

/** A table as GetTable/GetTables return it. */
function stored(database: string, input: TableInput): Table {
  return {
    ...input,
    Name: input.Name ?? "",
    DatabaseName: database,
    UpdateTime: new Date("2026-01-05T10:00:00Z"),
  };
}

beforeEach(() => glue.reset());

describe("GlueCatalog.put", () => {
  it("creates a new table with the Parquet SerDe, Hive types and lakebook.* parameters", async () => {
    glue.on(GetTableCommand).rejects(notFound());
    glue.on(CreateTableCommand).resolves({});
    await catalog.put(movies);
    expect(glue.commandCalls(CreateTableCommand)[0]?.args[0].input).toEqual({
      DatabaseName: "trusted",
      TableInput: MOVIES_INPUT,
    });
  });

  it("creates the database first when Glue does not have it", async () => {
    glue.on(GetTableCommand).rejects(notFound());
    glue.on(CreateTableCommand).rejectsOnce(notFound()).resolves({});
    glue.on(CreateDatabaseCommand).resolves({});
    await catalog.put(movies);
    expect(glue.commandCalls(CreateDatabaseCommand)[0]?.args[0].input).toEqual({
      DatabaseInput: { Name: "trusted" },
    });
    expect(glue.commandCalls(CreateTableCommand)).toHaveLength(2);
  });

  it("updates a table that exists", async () => {
    glue.on(GetTableCommand).resolves({ Table: stored("trusted", MOVIES_INPUT) });
    glue.on(UpdateTableCommand).resolves({});
    await catalog.put({ ...movies, rows: 1300 });
    const input = glue.commandCalls(UpdateTableCommand)[0]?.args[0].input;
    expect(input?.TableInput?.Parameters?.["lakebook.rows"]).toBe("1300");
    expect(glue.commandCalls(CreateTableCommand)).toHaveLength(0);
  });

  it("updates without archiving the old definition as a table version", async () => {
    // UpdateTable keeps the previous definition as a new table version unless SkipArchive is true:
    // https://docs.aws.amazon.com/glue/latest/webapi/API_UpdateTable.html
    glue.on(GetTableCommand).resolves({ Table: stored("trusted", MOVIES_INPUT) });
    glue.on(UpdateTableCommand).resolves({});
    await catalog.put(movies);
    expect(glue.commandCalls(UpdateTableCommand)[0]?.args[0].input.SkipArchive).toBe(true);
  });

  it("refuses an invalid table without calling Glue", async () => {
    const error = await catalog.put({ ...movies, location: "../elsewhere/" }).catch((e) => e);
    expect(error.code).toBe("CATALOG_INVALID_LOCATION");
    const named = await catalog.put({ ...movies, name: "TmdbMovies" }).catch((e) => e);
    expect(named.code).toBe("CATALOG_INVALID_NAME");
    expect(glue.calls()).toHaveLength(0);
  });

  it("names glue:CreateTable when Glue refuses", async () => {
    glue.on(GetTableCommand).rejects(notFound());
    glue.on(CreateTableCommand).rejects(new AccessDeniedException({ message: "no", $metadata: {} }));
    const error = await catalog.put(movies).catch((e) => e);
    expect(error.code).toBe("GLUE_ACCESS_DENIED");
    expect(error.hint).toContain("glue:CreateTable");
  });
});

describe("GlueCatalog.get and list", () => {
  it("reads back exactly what put stored", async () => {
    glue.on(GetTableCommand).resolves({ Table: stored("trusted", MOVIES_INPUT) });
    expect(await catalog.get("trusted", "tmdb_movies")).toEqual({
      ...movies,
      columns: [
        { name: "imdb_id", type: "string" },
        { name: "budget", type: "bigint" },
      ],
      partitionKeys: [{ name: "dt", type: "date" }],
      updatedAt: "2026-01-05T10:00:00.000Z",
    });
    expect(glue.commandCalls(GetTableCommand)[0]?.args[0].input).toEqual({
      DatabaseName: "trusted",
      Name: "tmdb_movies",
    });
  });

  it("answers undefined for a table Glue does not have", async () => {
    glue.on(GetTableCommand).rejects(notFound());
    expect(await catalog.get("refined", "nothing")).toBeUndefined();
  });

  it("pages through every zone's tables, sorted, skipping missing databases and reporting foreign ones", async () => {
    const table = (database: string, name: string, location = `Refined/${name}/`) =>
      stored(database, {
        ...MOVIES_INPUT,
        Name: name,
        Parameters: { classification: "parquet" },
        StorageDescriptor: {
          ...MOVIES_INPUT.StorageDescriptor,
          Location: `s3://lakebook-data-lake/lake/${location}`,
        },
      });
    glue
      .on(GetTablesCommand, { DatabaseName: "raw" })
      .rejects(notFound())
      .on(GetTablesCommand, { DatabaseName: "trusted" })
      .resolves({ TableList: [] })
      .on(GetTablesCommand, { DatabaseName: "refined" })
      .resolvesOnce({
        TableList: [table("refined", "fact_rating"), table("refined", "dim_title")],
        NextToken: "t2",
      })
      .resolvesOnce({
        TableList: [
          table("refined", "bridge_genre"),
          { ...table("refined", "elsewhere"), StorageDescriptor: { Location: "s3://other-bucket/x/" } },
        ],
      });
    const { tables, problems } = await catalog.listWithProblems();
    expect(tables.map((t) => `${t.database}.${t.name}:${t.zone}`)).toEqual([
      "refined.bridge_genre:refined",
      "refined.dim_title:refined",
      "refined.fact_rating:refined",
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "CATALOG_CORRUPT", table: "refined.elsewhere" });
    expect(problems[0]?.message).toContain("outside the lake");
    // The SDK's paginator reuses one input object, so only the number of calls and the last one are telling.
    const refinedCalls = glue
      .commandCalls(GetTablesCommand)
      .map((call) => call.args[0].input)
      .filter((input) => input.DatabaseName === "refined");
    expect(refinedCalls).toHaveLength(2);
    expect(refinedCalls[1]).toEqual({ DatabaseName: "refined", MaxResults: 2, NextToken: "t2" });
  });
});

describe("GlueCatalog.remove and addPartitions", () => {
  it("deletes a table, and a missing one is not an error", async () => {
    glue.on(DeleteTableCommand).resolvesOnce({}).rejects(notFound());
    await catalog.remove("trusted", "tmdb_movies");
    await catalog.remove("trusted", "tmdb_movies");
    expect(glue.commandCalls(DeleteTableCommand)[0]?.args[0].input).toEqual({
      DatabaseName: "trusted",
      Name: "tmdb_movies",
    });
  });

  it("registers partitions under the table's location, leaving ones Glue already has", async () => {
    glue.on(GetTableCommand).resolves({ Table: stored("trusted", MOVIES_INPUT) });
    glue.on(BatchCreatePartitionCommand).resolves({
      Errors: [{ PartitionValues: ["2026-01-05"], ErrorDetail: { ErrorCode: "AlreadyExistsException" } }],
    });
    await catalog.addPartitions("trusted", "tmdb_movies", [["2026-01-05"], ["2026-01-06"]]);
    const input = glue.commandCalls(BatchCreatePartitionCommand)[0]?.args[0].input;
    expect(input?.PartitionInputList?.map((p) => [p.Values, p.StorageDescriptor?.Location])).toEqual([
      [["2026-01-05"], "s3://lakebook-data-lake/lake/Trusted/TMDB/Parquet/tmdb_movies/dt=2026-01-05/"],
      [["2026-01-06"], "s3://lakebook-data-lake/lake/Trusted/TMDB/Parquet/tmdb_movies/dt=2026-01-06/"],
    ]);
    expect(input?.PartitionInputList?.[0]?.StorageDescriptor?.SerdeInfo).toEqual(
      MOVIES_INPUT.StorageDescriptor?.SerdeInfo,
    );
  });
});
