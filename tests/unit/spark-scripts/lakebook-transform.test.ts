import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  lakebookParameters,
  parseResultLine,
  RUNNER_SCRIPT_PATH,
  type TransformSpec,
  TransformSpecSchema,
  toTableInput,
} from "../../../pipeline/aws/glue";
import type { CatalogTable } from "../../../pipeline/contract";
import { type PythonSession, startPython } from "../../helpers/python-session";

const HARNESS = fileURLToPath(new URL("../../fixtures/spark-scripts/pure_harness.py", import.meta.url));

// One python3 for the whole file: the harness loads the runner once and answers call after call.
let harness: PythonSession;
beforeAll(() => {
  harness = startPython([HARNESS]);
});
afterAll(async () => {
  await harness.close();
});

interface Answer {
  ok?: unknown;
  error?: { type: string; message: string };
  failed?: string;
}

/** Calls one pure function of the runner in python3, as Glue's Python would. */
async function python(fn: string, ...args: unknown[]): Promise<Answer> {
  const answer = await harness.ask<Answer>({ fn, args });
  if (answer.failed !== undefined) throw new Error(`python3 failed: ${answer.failed}`);
  return answer;
}

const producedBy = { cell: "fact_ratings", inputs: ["trusted.movies", "trusted.tmdb_movies"] };
const spec: TransformSpec = {
  cellId: "fact_ratings",
  sql: "SELECT m.id, m.notaMedia AS nota_media, t.dt FROM movies m JOIN tmdb t ON m.id = t.imdb_id",
  inputs: {
    movies: {
      path: "s3://lakebook-data-lake/Raw/Local/CSV/Movies/2026/01/05/",
      format: "csv",
      options: { sep: "|", header: "true", nullValue: "\\N", recursiveFileLookup: "true" },
    },
    tmdb: {
      path: "s3://lakebook-data-lake/Raw/TMDB/JSON/*/*/*/tmdb-movies-*.json",
      format: "json",
      options: { multiLine: "true" },
      dateColumn: "dt",
    },
  },
  output: {
    database: "refined",
    table: "fact_ratings",
    path: "s3://lakebook-data-lake/Refined/fact_ratings/",
    partitionBy: ["dt"],
    mode: "overwrite",
    tableParameters: lakebookParameters({
      zone: "refined",
      role: "fact",
      primaryKey: ["id", "dt"],
      foreignKeys: [{ columns: ["id"], references: { table: "refined.dim_title", columns: ["id"] } }],
      producedBy,
    }),
  },
};

describe("spark-scripts/lakebook_transform.py", () => {
  it("byte-compiles with python3", () => {
    const run = spawnSync("python3", ["-m", "py_compile", RUNNER_SCRIPT_PATH], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("accepts the spec the TypeScript schema accepts, unchanged", async () => {
    const json = JSON.parse(JSON.stringify(TransformSpecSchema.parse(spec)));
    expect(await python("validate_spec", json)).toEqual({ ok: json });
  });

  it.each([
    ["no SQL", { sql: "  " }, "sql"],
    [
      "an output at the bucket root",
      { output: { ...spec.output, path: "s3://lakebook-data-lake/" } },
      "output.path",
    ],
    [
      "an output path without a final /",
      { output: { ...spec.output, path: "s3://b-k/Refined/x" } },
      "output.path",
    ],
    ["a mixed-case table", { output: { ...spec.output, table: "FactRatings" } }, "output.table"],
    ["an unknown mode", { output: { ...spec.output, mode: "merge" } }, "output.mode"],
    ["a repeated partition column", { output: { ...spec.output, partitionBy: ["dt", "dt"] } }, "partitionBy"],
    [
      "an unknown format",
      { inputs: { m: { path: "s3://b-k/x/", format: "xml", options: {} } } },
      "inputs.m.format",
    ],
    [
      "a non-string option",
      { inputs: { m: { path: "s3://b-k/x/", format: "csv", options: { header: true } } } },
      "options",
    ],
    ["inputs that are not a mapping", { inputs: [] }, "inputs"],
  ])("refuses %s, as the TypeScript schema does", async (_what, change, field) => {
    const bad = { ...spec, ...change };
    expect(TransformSpecSchema.safeParse(bad).success).toBe(false);
    const answer = await python("validate_spec", bad);
    expect(answer.error?.type).toBe("SpecError");
    expect(answer.error?.message).toContain(field);
  });

  it("accepts no inputs: the SQL may read catalog tables (trusted.movies) from the Glue catalog", async () => {
    const reading = { ...spec, inputs: {}, sql: "SELECT * FROM trusted.movies" };
    expect(TransformSpecSchema.safeParse(reading).success).toBe(true);
    expect((await python("validate_spec", reading)).error).toBeUndefined();
  });

  it("builds the TableInput the TypeScript Glue adapter builds for the same table", async () => {
    const columns = [
      { Name: "id", Type: "string" },
      { Name: "nota_media", Type: "double" },
      { Name: "dt", Type: "date" },
    ];
    const location = "s3://lakebook-data-lake/Refined/fact_ratings/jr_0123abcd/";
    const fromPython = (await python("table_input", spec, columns, location, 1234)).ok;
    const table: CatalogTable = {
      database: "refined",
      name: "fact_ratings",
      zone: "refined",
      location: "Refined/fact_ratings/jr_0123abcd/",
      format: "parquet",
      columns: [
        { name: "id", type: "VARCHAR" },
        { name: "nota_media", type: "DOUBLE" },
      ],
      partitionKeys: [{ name: "dt", type: "DATE" }],
      rows: 1234,
      role: "fact",
      primaryKey: ["id", "dt"],
      foreignKeys: [{ columns: ["id"], references: { table: "refined.dim_title", columns: ["id"] } }],
      producedBy,
    };
    expect(fromPython).toEqual(toTableInput(table, { bucket: "lakebook-data-lake", prefix: "" }));
  });

  it("refuses partition columns the query does not return, and partitioning by every column", async () => {
    const partitioned = { ...spec, output: { ...spec.output, partitionBy: ["day"] } };
    const missing = await python(
      "table_input",
      partitioned,
      [{ Name: "id", Type: "string" }],
      "s3://b-k/x/",
      0,
    );
    expect(missing.error?.message).toContain("day");
    const only = { ...spec, output: { ...spec.output, partitionBy: ["dt"] } };
    expect(
      (await python("table_input", only, [{ Name: "dt", Type: "date" }], "s3://b-k/x/", 0)).error?.message,
    ).toContain("every column");
  });

  it("maps Spark schema types to Hive types, nested ones too", async () => {
    const fields = [
      { name: "a", type: "integer" },
      { name: "b", type: "long" },
      { name: "c", type: "decimal(10,2)" },
      { name: "d", type: "timestamp_ntz" },
      { name: "e", type: { type: "array", elementType: "string", containsNull: true } },
      { name: "f", type: { type: "map", keyType: "string", valueType: "short", valueContainsNull: true } },
      {
        name: "g",
        type: { type: "struct", fields: [{ name: "x", type: "byte", nullable: true, metadata: {} }] },
      },
    ];
    expect((await python("hive_columns", fields)).ok).toEqual([
      { Name: "a", Type: "int" },
      { Name: "b", Type: "bigint" },
      { Name: "c", Type: "decimal(10,2)" },
      { Name: "d", Type: "timestamp" },
      { Name: "e", Type: "array<string>" },
      { Name: "f", Type: "map<string,smallint>" },
      { Name: "g", Type: "struct<x:tinyint>" },
    ]);
    expect((await python("hive_type", "void", "genero")).error?.message).toContain("CAST(NULL AS STRING)");
  });

  it("lower-cases result columns and refuses two that collide", async () => {
    expect((await python("output_names", ["id", "tituloPincipal"])).ok).toEqual(["id", "titulopincipal"]);
    expect((await python("output_names", ["Nota", "nota"])).error?.message).toContain("twice");
    expect((await python("output_names", ["count(1)"])).error?.message).toContain("AS");
  });

  it("names partition folders as Spark does and points partitions at the new version", async () => {
    const table = (
      await python(
        "table_input",
        spec,
        [
          { Name: "id", Type: "string" },
          { Name: "dt", Type: "string" },
        ],
        "s3://b-k/Refined/t/jr_1/",
        0,
      )
    ).ok as { StorageDescriptor: Record<string, unknown> };
    const partition = (
      await python("partition_input", table, ["2026-01-05 10:00"], "s3://b-k/Refined/t/jr_1/")
    ).ok as {
      Values: string[];
      StorageDescriptor: { Location: string; SerdeInfo: unknown };
    };
    expect(partition.Values).toEqual(["2026-01-05 10:00"]);
    expect(partition.StorageDescriptor.Location).toBe("s3://b-k/Refined/t/jr_1/dt=2026-01-05 10%3A00/");
    expect(partition.StorageDescriptor.SerdeInfo).toEqual(table.StorageDescriptor.SerdeInfo);
    const nullPartition = (await python("partition_input", table, [null], "s3://b-k/t/")).ok as {
      Values: string[];
    };
    expect(nullPartition.Values).toEqual(["__HIVE_DEFAULT_PARTITION__"]);
  });

  it("plans partition changes and the files an overwrite replaces", async () => {
    expect((await python("partition_changes", [["a"], ["b"]], [["b"], ["c"]])).ok).toEqual([
      [["c"]],
      [["b"]],
      [["a"]],
    ]);
    const keys = [
      "Refined/t/jr_old/part-0.parquet",
      "Refined/t/jr_new/part-0.parquet",
      "Refined/t/part-9.parquet",
    ];
    expect((await python("stale_keys", keys, "Refined/t/", "Refined/t/jr_new/")).ok).toEqual([
      "Refined/t/jr_old/part-0.parquet",
      "Refined/t/part-9.parquet",
    ]);
    expect((await python("version_location", "s3://b-k/Refined/t/", "jr_9")).ok).toBe(
      "s3://b-k/Refined/t/jr_9/",
    );
    expect((await python("chunks", [1, 2, 3], 2)).ok).toEqual([[1, 2], [3]]);
  });

  it("refuses to append a different shape", async () => {
    const columns = [
      { Name: "id", Type: "string" },
      { Name: "dt", Type: "date" },
    ];
    const existing = (await python("table_input", spec, columns, "s3://b-k/t/jr_1/", 5)).ok;
    const same = (await python("table_input", spec, columns, "s3://b-k/t/jr_1/", 0)).ok;
    const wider = (
      await python("table_input", spec, [{ Name: "x", Type: "int" }, ...columns], "s3://b-k/t/jr_1/", 0)
    ).ok;
    expect((await python("append_problem", existing, same)).ok).toBeNull();
    expect((await python("append_problem", existing, wider)).ok).toContain("overwrite");
  });

  it("prints a LAKEBOOK_RESULT line the app parses", async () => {
    const table = (
      await python(
        "table_input",
        spec,
        [
          { Name: "id", Type: "string" },
          { Name: "dt", Type: "date" },
        ],
        "s3://b-k/Refined/t/jr_1/",
        42,
      )
    ).ok;
    const line = (await python("result_line", 42, table, 3)).ok as string;
    expect(parseResultLine(line)).toEqual({
      rows: 42,
      columns: [{ name: "id", type: "string" }],
      partitionKeys: [{ name: "dt", type: "date" }],
      partitions: 3,
      location: "s3://b-k/Refined/t/jr_1/",
    });
  });
});
