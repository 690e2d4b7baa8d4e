import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { GetTablesCommand, GlueClient } from "@aws-sdk/client-glue";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { toTableInput } from "../../../pipeline/aws/glue/table-input";
import type { CatalogTable, CourseCheckResult } from "../../../pipeline/contract";
import { checkCourse } from "../../../pipeline/course";
import { openWorkspace, type Workspace } from "../../../pipeline/service";
import { courseLakeOf } from "../../../pipeline/service/course-lake";
import { DEFAULT_SELECT } from "../../../pipeline/stages/tmdb/settings";
import { type RunningS3rver, startS3rver } from "../../helpers/s3rver";

/**
 * Course mode on an aws target: the lake is the bucket (s3rver, a real S3 server), the catalog is Glue
 * and the rules' questions about table contents go to Athena (both faked at the SDK; every request
 * is checked against AWS's API models by the test setup). The answers Athena gives decide the rules,
 * every result page is read, and the rules send one query per table, never one per column or key.
 */
const BUCKET = "horror-lake";
const target = { bucket: BUCKET, prefix: "" };
const athena = mockClient(AthenaClient);
const glue = mockClient(GlueClient);

const table = (
  t: Partial<CatalogTable> & Pick<CatalogTable, "database" | "name" | "location">,
): CatalogTable => ({
  zone: t.database as CatalogTable["zone"],
  format: "parquet",
  columns: [],
  rows: null,
  producedBy: null,
  ...t,
});

/** A small REFINED star and its TRUSTED sources, as the demo builds them. */
const TABLES: CatalogTable[] = [
  table({
    database: "trusted",
    name: "movies",
    location: "Trusted/Local/Parquet/movies/",
    columns: [
      { name: "imdb_id", type: "VARCHAR" },
      { name: "titulo", type: "VARCHAR" },
      { name: "nota_media", type: "DOUBLE" },
    ],
    producedBy: { cell: "trusted_movies", inputs: ["raw.movies"] },
  }),
  table({
    database: "trusted",
    name: "tmdb_movies",
    location: "Trusted/TMDB/Parquet/tmdb_movies/",
    columns: [
      { name: "imdb_id", type: "VARCHAR" },
      { name: "budget", type: "BIGINT" },
    ],
    partitionKeys: [{ name: "dt", type: "DATE" }],
    producedBy: { cell: "trusted_tmdb_movies", inputs: ["Raw/TMDB/JSON/*/*/*/tmdb-movies-*.json"] },
  }),
  table({
    database: "refined",
    name: "dim_title",
    location: "Refined/dim_title/",
    role: "dimension",
    primaryKey: ["title_key"],
    columns: [
      { name: "title_key", type: "BIGINT" },
      { name: "imdb_id", type: "VARCHAR" },
    ],
    producedBy: { cell: "dim_title", inputs: ["trusted.movies"] },
  }),
  table({
    database: "refined",
    name: "dim_date",
    location: "Refined/dim_date/",
    role: "dimension",
    primaryKey: ["date_key"],
    columns: [{ name: "date_key", type: "INTEGER" }],
    producedBy: { cell: "dim_date", inputs: ["trusted.movies"] },
  }),
  table({
    database: "refined",
    name: "fact_title_rating",
    location: "Refined/fact_title_rating/",
    role: "fact",
    primaryKey: ["title_key"],
    foreignKeys: [
      { columns: ["title_key"], references: { table: "refined.dim_title", columns: ["title_key"] } },
      { columns: ["date_key"], references: { table: "refined.dim_date", columns: ["date_key"] } },
    ],
    columns: [
      { name: "title_key", type: "BIGINT" },
      { name: "date_key", type: "INTEGER" },
      { name: "imdb_rating", type: "DOUBLE" },
      { name: "imdb_votes", type: "BIGINT" },
    ],
    producedBy: { cell: "fact_title_rating", inputs: ["refined.dim_title"] },
  }),
];

/** Athena's answer by query: one row with every column the query names, 0 unless `values` says. */
function answerFor(sql: string, values: Record<string, string>) {
  const aliases = [...sql.matchAll(/\bAS\s+"?([a-z]\w*)"?\s*(?:,|FROM\b|$)/gi)].map((m) => m[1] ?? "");
  const names = [...new Set(aliases)];
  return { names, row: names.map((n) => values[n] ?? "0") };
}

let s3: RunningS3rver;
let dir: string;
let workspace: Workspace;
const saved: Record<string, string | undefined> = {};
const queries: string[] = [];
/** Per query, what its columns answer (`dupes: "1"` makes a key duplicated). */
let answers: (sql: string) => Record<string, string> = () => ({});

beforeAll(async () => {
  s3 = await startS3rver(BUCKET);
  const env = {
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    AWS_REGION: "eu-west-1",
  };
  for (const [name, value] of Object.entries(env)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: "eu-west-1",
    credentials: s3.credentials,
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
  const put = (key: string, body: string) =>
    client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
  for (const t of TABLES)
    await put(`${t.location}${t.name === "tmdb_movies" ? "dt=2026-11-25/" : ""}part-0.parquet`, "PAR1");
  await put(
    "Raw/TMDB/JSON/2026/11/25/tmdb-movies-0001.json",
    JSON.stringify([{ imdb_id: "tt0000001" }, { imdb_id: "tt0000003" }]),
  );
  client.destroy();
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-course-athena-"));
  const notebook = path.join(dir, "aws.lakebook.md");
  await writeFile(
    notebook,
    "---\nlakebook: 1\ntitle: On AWS\ntarget:\n  kind: aws\n  bucket: horror-lake\n  region: eu-west-1\n" +
      "  workgroup: students\n  athenaOutput: s3://horror-lake/athena/\n---\n\n" +
      // No select: the TMDB stage enriches its default selection, and the rule compares with that.
      "```tmdb {#tmdb_enrich}\nfields: [budget]\n```\n",
  );
  workspace = await openWorkspace({ notebookPath: notebook });
});

afterAll(async () => {
  await workspace?.close();
  await s3?.stop();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  athena.reset();
  glue.reset();
  queries.length = 0;
  answers = () => ({});
  glue.on(GetTablesCommand).callsFake(({ DatabaseName }) => ({
    TableList: TABLES.filter((t) => t.database === DatabaseName).map((t) => ({
      ...toTableInput(t, target),
      Name: t.name,
      DatabaseName,
    })),
  }));
  athena.on(StartQueryExecutionCommand).callsFake(({ QueryString }) => {
    queries.push(QueryString);
    return { QueryExecutionId: `q-${queries.length}` };
  });
  athena.on(GetQueryExecutionCommand).callsFake(({ QueryExecutionId }) => ({
    QueryExecution: {
      QueryExecutionId,
      StatementType: "DML",
      Status: { State: "SUCCEEDED" },
      Statistics: { DataScannedInBytes: 1024 },
    },
  }));
  athena.on(GetQueryResultsCommand).callsFake(({ QueryExecutionId, NextToken }) => {
    const sql = queries[Number(String(QueryExecutionId).slice(2)) - 1] ?? "";
    const cell = (v: string) => ({ VarCharValue: v });
    if (sql.includes("AS selected")) {
      // The selection, in two pages: a title only on the second page must count as selected.
      const info = [{ Name: "id", Label: "id", Type: "varchar" }];
      return NextToken
        ? { ResultSet: { ResultSetMetadata: { ColumnInfo: info }, Rows: [{ Data: [cell("tt0000003")] }] } }
        : {
            ResultSet: {
              ResultSetMetadata: { ColumnInfo: info },
              Rows: [{ Data: [cell("id")] }, { Data: [cell("tt0000001")] }, { Data: [cell("tt0000002")] }],
            },
            NextToken: "page-2",
          };
    }
    const { names, row } = answerFor(sql, answers(sql));
    return {
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: names.map((n) => ({ Name: n, Label: n, Type: "bigint" })) },
        Rows: [{ Data: names.map(cell) }, { Data: row.map(cell) }],
      },
    };
  });
});

const rule = (result: CourseCheckResult, id: string) => {
  const found = result.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

describe("course mode on an aws target", () => {
  it("asks Athena in the workgroup, one query per table a rule reads, and says what that costs", async () => {
    const result = await checkCourse(courseLakeOf(workspace), 3);
    const starts = athena.commandCalls(StartQueryExecutionCommand).map((c) => c.args[0].input);
    for (const input of starts) {
      expect(input).toMatchObject({
        WorkGroup: "students",
        QueryExecutionContext: { Database: "refined" },
        ResultConfiguration: { OutputLocation: "s3://horror-lake/athena/" },
      });
    }
    // Types: the 3 tables with text or money columns, every column in one query; keys: the 3 keyed
    // tables; orphans: the fact's two foreign keys in one query; per title: the fact's totals, and
    // every measure against the one CSV-sourced TRUSTED table in one query.
    expect(starts).toHaveLength(3 + 3 + 1 + 2);
    expect(result.cost).toMatchObject({ engine: "athena", queries: 9 });
    expect(result.cost?.note).toContain("at least 10 MB");
    expect(result.cost?.noteMessage).toEqual({ code: "cost.athena", params: { n: 9 } });
    expect(rule(result, "refined.foreign-keys").evidence).toEqual([
      "refined.fact_title_rating (title_key) → refined.dim_title (title_key): 0 orphan rows",
      "refined.fact_title_rating (date_key) → refined.dim_date (date_key): 0 orphan rows",
    ]);
    expect(rule(result, "refined.primary-keys").pass).toBe(true);
  });

  it("fails a rule on what Athena answers, with the evidence by code for the UI", async () => {
    answers = (sql): Record<string, string> =>
      sql.includes('"refined"."dim_date"') && sql.includes("HAVING") ? { dupes: "2", total: "9" } : {};
    const result = await checkCourse(courseLakeOf(workspace), 3);
    const keys = rule(result, "refined.primary-keys");
    expect(keys.pass).toBe(false);
    expect(keys.evidence).toEqual(["refined.dim_date (date_key): 9 rows, 2 duplicated keys, 0 NULL keys"]);
    expect(keys.evidenceMessages).toEqual([
      {
        code: "refined.key-counts",
        params: { table: "refined.dim_date", key: "date_key", rows: 9, dupes: 2, nulls: 0 },
      },
    ]);
    expect(keys.hintMessage).toEqual({ code: "refined.primary-keys.hint" });
    expect(keys.cellId).toBe("dim_date");
  });

  it("compares the enriched titles with the TMDB stage's default selection, every page of it", async () => {
    const result = await checkCourse(courseLakeOf(workspace), 2);
    const selected = rule(result, "tmdb.selected");
    expect(queries.find((q) => q.includes("AS selected"))).toContain(DEFAULT_SELECT);
    expect(selected.evidence[0]).toMatch(
      /^Selection: the TMDB stage's default select \(the cell has no select:\)/,
    );
    expect(selected.evidence[1]).toBe("3 titles selected, 2 titles enriched, 0 not selected");
    expect(selected.pass).toBe(true);
  });
});
