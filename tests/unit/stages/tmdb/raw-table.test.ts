import {
  CreateTableCommand,
  EntityNotFoundException,
  GetTableCommand,
  GlueClient,
  type Table,
  UpdateTableCommand,
} from "@aws-sdk/client-glue";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { GlueTables } from "../../../../pipeline/aws/glue";
import { GlueCatalog } from "../../../../pipeline/catalog";
import { LocalFolderStore } from "../../../../pipeline/lake";
import { FIELD_NAMES, SCALARS } from "../../../../pipeline/stages/tmdb/enrich/fields";
import {
  RECORDS_TYPE,
  rawTmdbTable,
  registerRawTmdbTable,
  TMDB_RECORD_FIELDS,
} from "../../../../pipeline/stages/tmdb/raw-table";

const client = new GlueClient({ region: "us-east-1" });
const glue = mockClient(client);
const catalog = new GlueCatalog({
  tables: new GlueTables({ client, bucket: "lakebook-data-lake", prefix: "lake/" }),
});
const notFound = () => new EntityNotFoundException({ message: "not found", $metadata: {} });
const producedBy = { cell: "tmdb_enrich", notebook: "horror-subgenres.lakebook.md" };

/**
 * What Glue stores for raw.tmdb, for Athena: the Hive JSON SerDe over text files (one JSON object a
 * line: https://docs.aws.amazon.com/athena/latest/ug/hive-json-serde.html), the two columns each
 * file's one object holds, and `dt` projected onto the RAW date folders, which are not `key=value`
 * (https://docs.aws.amazon.com/athena/latest/ug/partition-projection-kinesis-firehose-example-choosing-partition-keys.html:
 * type date, format yyyy/MM/dd, range "<first>,NOW", storage.location.template with ${dt}).
 */
const EXPECTED_STORAGE = {
  Columns: [
    { Name: "kind", Type: "string" },
    { Name: "records", Type: RECORDS_TYPE },
  ],
  Location: "s3://lakebook-data-lake/lake/Raw/TMDB/JSON/",
  InputFormat: "org.apache.hadoop.mapred.TextInputFormat",
  OutputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
  SerdeInfo: {
    SerializationLibrary: "org.apache.hive.hcatalog.data.JsonSerDe",
    Parameters: { "serialization.format": "1" },
  },
};

const EXPECTED_PROJECTION = {
  "projection.enabled": "true",
  "projection.dt.type": "date",
  "projection.dt.format": "yyyy/MM/dd",
  "projection.dt.range": "2026/01/05,NOW",
  "projection.dt.interval": "1",
  "projection.dt.interval.unit": "DAYS",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena's placeholder, not a JavaScript one.
  "storage.location.template": "s3://lakebook-data-lake/lake/Raw/TMDB/JSON/${dt}/",
};

beforeEach(() => glue.reset());

describe("raw.tmdb in the Glue Data Catalog", () => {
  it("is a JSON table Athena reads, partitioned by projection onto the RAW date folders", async () => {
    glue.on(GetTableCommand).rejects(notFound());
    glue.on(CreateTableCommand).resolves({});
    await catalog.put(rawTmdbTable("2026/01/05", producedBy));
    const input = glue.commandCalls(CreateTableCommand)[0]?.args[0].input;
    expect(input?.DatabaseName).toBe("raw");
    expect(input?.TableInput).toMatchObject({
      Name: "tmdb",
      TableType: "EXTERNAL_TABLE",
      PartitionKeys: [{ Name: "dt", Type: "string" }],
      StorageDescriptor: EXPECTED_STORAGE,
    });
    expect(input?.TableInput?.Parameters).toEqual({
      EXTERNAL: "TRUE",
      classification: "json",
      "lakebook.zone": "raw",
      "lakebook.producedBy": expect.any(String),
      ...EXPECTED_PROJECTION,
    });
    expect(JSON.parse(input?.TableInput?.Parameters?.["lakebook.producedBy"] ?? "")).toEqual({
      ...producedBy,
      inputs: ["Raw/TMDB/JSON/"],
    });
  });

  it("reads back as the table put, its first date included", async () => {
    const table = rawTmdbTable("2026/01/05", producedBy);
    glue.on(GetTableCommand).rejects(notFound());
    glue.on(CreateTableCommand).resolves({});
    await catalog.put(table);
    const stored: Table = {
      ...glue.commandCalls(CreateTableCommand)[0]?.args[0].input.TableInput,
      Name: "tmdb",
      DatabaseName: "raw",
      UpdateTime: new Date("2026-01-05T10:00:00Z"),
    };
    glue.reset();
    glue.on(GetTableCommand).resolves({ Table: stored });
    expect(await catalog.get("raw", "tmdb")).toEqual({ ...table, updatedAt: "2026-01-05T10:00:00.000Z" });
  });

  it("keeps the earliest date when a later run registers it again, and widens to an earlier one", async () => {
    let current: Table | undefined;
    glue.on(GetTableCommand).callsFake(() => {
      if (!current) throw notFound();
      return { Table: current };
    });
    const keep = (input: { TableInput?: Table }) => {
      current = { ...input.TableInput, Name: "tmdb", DatabaseName: "raw" };
      return {};
    };
    glue.on(CreateTableCommand).callsFake(keep);
    glue.on(UpdateTableCommand).callsFake(keep);
    const context = {
      catalog,
      engine: undefined as never,
      lakeRoot: "/not/the/store",
      // An S3 lake: the store is not the local lake folder, so nothing is attached locally.
      store: new LocalFolderStore("/elsewhere"),
      notebookPath: null,
      log: () => undefined,
    };
    const range = () => current?.Parameters?.["projection.dt.range"];
    await registerRawTmdbTable(context, { year: 2026, month: 1, day: 6 }, "tmdb_enrich");
    expect(range()).toBe("2026/01/06,NOW");
    await registerRawTmdbTable(context, { year: 2026, month: 2, day: 1 }, "tmdb_enrich");
    expect(range()).toBe("2026/01/06,NOW");
    await registerRawTmdbTable(context, { year: 2025, month: 12, day: 31 }, "tmdb_enrich");
    expect(range()).toBe("2025/12/31,NOW");
    expect(glue.commandCalls(UpdateTableCommand).every((call) => call.args[0].input.SkipArchive)).toBe(true);
  });

  it("warns, and does not fail the run, when Glue cannot be reached", async () => {
    glue.on(GetTableCommand).rejects(new Error("socket hang up"));
    const warnings: string[] = [];
    const registered = await registerRawTmdbTable(
      {
        catalog,
        engine: undefined as never,
        lakeRoot: "/not/the/store",
        store: new LocalFolderStore("/elsewhere"),
        notebookPath: null,
        log: (_level, text) => warnings.push(text),
      },
      { year: 2026, month: 1, day: 5 },
      "tmdb_enrich",
    );
    expect(registered).toBeUndefined();
    expect(warnings[0]).toMatch(/^raw\.tmdb was not registered in the catalog: /);
  });
});

describe("the records' struct", () => {
  it("has every key a TMDB cell can write, movie and TV spellings both", () => {
    const declared = new Set(TMDB_RECORD_FIELDS.map(([name]) => name));
    const written = new Set<string>(["imdb_id", "id", "keywords", "credits", "certifications"]);
    for (const field of FIELD_NAMES) {
      const spec = (SCALARS as Record<string, { movie?: string; tv?: string }>)[field];
      if (spec?.movie) written.add(spec.movie);
      if (spec?.tv) written.add(spec.tv);
    }
    expect([...written].filter((key) => !declared.has(key))).toEqual([]);
    expect([...declared].filter((key) => !written.has(key))).toEqual([]);
  });
});
