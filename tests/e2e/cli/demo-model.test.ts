import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyBuiltDemo } from "../../helpers/demo-lake";
import { lakebook, lakebookInOneProcess } from "./run-cli";

/**
 * The demo's REFINED model, built by its transform cells, against DuckDB SQL written separately
 * straight over the RAW files: the same titles, counts and sums per subgenre. A fan-out through
 * the row-per-artist CSVs or the genre bridge would inflate the model's side and fail here.
 */
let dir: string;
let project: string;
let notebook: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-model-"));
  project = path.join(dir, "demo");
  notebook = path.join(project, "horror-subgenres.lakebook.md");
  // The demo run end to end (every cell ok, model_checks too), built once per test run and copied;
  // another test process may be building it: waiting for it may take a while.
  await copyBuiltDemo(project);
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SUBGENRES = [
  "body horror",
  "demon",
  "folk horror",
  "found footage",
  "ghost",
  "haunted house",
  "possession",
  "psychopath",
  "serial killer",
  "slasher",
  "supernatural",
  "vampire",
  "werewolf",
  "whodunit",
  "zombie",
];

async function duckdb(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
  }
}

describe("the demo's REFINED model", () => {
  it("matches DuckDB SQL written directly over RAW: titles, votes and ratings per subgenre", async () => {
    const lake = path.join(project, ".lake").split(path.sep).join("/");
    const csv = (dataset: string) =>
      `read_csv('${lake}/Raw/Local/CSV/${dataset}/*/*/*/*.csv', delim='|', header=true, nullstr='\\N', all_varchar=true)`;
    const independent = await duckdb(`
      WITH titles AS (
        SELECT DISTINCT id, CAST(notaMedia AS DOUBLE) AS rating, CAST(numeroVotos AS BIGINT) AS votes
        FROM ${csv("Movies")} WHERE genero LIKE '%Horror%' OR genero LIKE '%Mystery%'
        UNION ALL
        SELECT DISTINCT id, CAST(notaMedia AS DOUBLE), CAST(numeroVotos AS BIGINT)
        FROM ${csv("Series")} WHERE genero LIKE '%Horror%' OR genero LIKE '%Mystery%'
      ),
      tagged AS (
        -- Each RAW TMDB file is one {"kind", "records"} object on one line.
        SELECT DISTINCT r.imdb_id, lower(k.name) AS subgenre
        FROM read_json('${lake}/Raw/TMDB/JSON/*/*/*/*.json', format='newline_delimited'),
          unnest(records) AS t(r), unnest(r.keywords) AS u(k)
      )
      SELECT subgenre, count(*)::INTEGER AS titles, sum(votes)::BIGINT AS votes, round(avg(rating), 6) AS rating
      FROM titles JOIN tagged ON tagged.imdb_id = titles.id
      WHERE subgenre IN (${SUBGENRES.map((s) => `'${s}'`).join(", ")})
      GROUP BY subgenre ORDER BY subgenre`);
    const model = await lakebook(
      [
        "query",
        `SELECT s.subgenre, CAST(count(*) AS INTEGER) AS titles, CAST(sum(f.imdb_votes) AS BIGINT) AS votes,
           round(avg(f.imdb_rating), 6) AS rating
         FROM refined.fact_title_rating f
         JOIN refined.bridge_title_subgenre b ON b.title_key = f.title_key
         JOIN refined.dim_subgenre s ON s.subgenre_key = b.subgenre_key
         GROUP BY s.subgenre ORDER BY s.subgenre`,
        "--notebook",
        notebook,
        "--json",
        "--limit",
        "100",
      ],
      dir,
    );
    expect(model.code).toBe(0);
    const rows = JSON.parse(model.stdout).rows as Record<string, unknown>[];
    expect(independent.length).toBeGreaterThan(5);
    expect(rows.map(normalise)).toEqual(independent.map(normalise));
  });

  it("has one fact row per enriched title, and the bridge weights of each title sum to 1", async () => {
    const queries = [
      "SELECT count(*) = count(DISTINCT title_key) AS unique_titles FROM refined.fact_title_rating",
      "SELECT count(*) AS off FROM (SELECT title_key, sum(weight) AS w FROM refined.bridge_title_subgenre GROUP BY title_key) WHERE abs(w - 1) > 1e-9",
      // 0 on TMDB means unknown: no zero budget reaches the model.
      "SELECT count(*) AS zeros FROM refined.fact_title_rating WHERE budget = 0 OR revenue = 0",
    ];
    const results = await lakebookInOneProcess(
      queries.map((sql) => ["query", sql, "--notebook", notebook, "--json"]),
      dir,
    );
    expect(results.map((result) => result.code)).toEqual([0, 0, 0]);
    const [unique, weights, zeros] = results.map((result) => JSON.parse(result.stdout).rows);
    expect(unique).toEqual([{ unique_titles: true }]);
    expect(weights).toEqual([{ off: 0 }]);
    expect(zeros).toEqual([{ zeros: 0 }]);
  });

  it("records every REFINED table's role, keys and lineage in the catalog", async () => {
    const listed = await lakebook(["catalog", "--notebook", notebook, "--json"], dir);
    const tables = JSON.parse(listed.stdout).tables as Record<string, unknown>[];
    const byName = Object.fromEntries(tables.map((table) => [`${table.database}.${table.name}`, table]));
    expect(byName["refined.fact_title_rating"]).toMatchObject({
      zone: "refined",
      format: "parquet",
      location: "Refined/fact_title_rating/",
      role: "fact",
      primaryKey: ["title_key"],
      foreignKeys: [
        { columns: ["title_key"], references: { table: "refined.dim_title", columns: ["title_key"] } },
        { columns: ["release_date_key"], references: { table: "refined.dim_date", columns: ["date_key"] } },
      ],
      producedBy: {
        cell: "fact_title_rating",
        notebook: "horror-subgenres.lakebook.md",
        inputs: [
          "refined.dim_title",
          "trusted.movies",
          "trusted.series",
          "trusted.tmdb_movies",
          "trusted.tmdb_series",
        ],
      },
    });
    expect(byName["refined.bridge_title_subgenre"]).toMatchObject({ role: "bridge" });
    expect(byName["trusted.tmdb_movies"]).toMatchObject({
      location: "Trusted/TMDB/Parquet/tmdb_movies/",
      partitionKeys: [{ name: "dt", type: "DATE" }],
      producedBy: { inputs: ["Raw/TMDB/JSON/*/*/*/tmdb-movies-*.json"] },
    });
    expect(byName["trusted.movies"]).toMatchObject({
      location: "Trusted/Local/Parquet/movies/",
      producedBy: { inputs: ["raw.movies"] },
    });
  });
});

function normalise(row: Record<string, unknown>): Record<string, unknown> {
  return {
    subgenre: row.subgenre,
    titles: Number(row.titles),
    votes: String(row.votes),
    rating: Number(row.rating),
  };
}
