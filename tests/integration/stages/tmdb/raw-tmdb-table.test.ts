import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalCatalog } from "../../../../pipeline/catalog";
import { Engine } from "../../../../pipeline/engine";
import { LocalFolderStore, type ProcessingDate } from "../../../../pipeline/lake";
import { FIELD_NAMES, pickFields, writeTmdbFiles } from "../../../../pipeline/stages/tmdb/enrich";
import { rawTmdbQuery, registerRawTmdbTable } from "../../../../pipeline/stages/tmdb/raw-table";

/**
 * `raw.tmdb` on the local lake: the files the writer makes, registered as the TMDB cell registers
 * them, read with the SQL a student runs on Athena (one row a file, `CROSS JOIN UNNEST(records)`),
 * with Athena's meaning: a key a record lacks is NULL, `dt` is the RAW date folder.
 */
let lake: string;
let engine: Engine;
let catalog: LocalCatalog;
let store: LocalFolderStore;
const warnings: string[] = [];
const DAY_1: ProcessingDate = { year: 2026, month: 1, day: 5 };
const DAY_2: ProcessingDate = { year: 2026, month: 1, day: 6 };
type Json = Record<string, unknown>;

const imdb = (n: number) => `tt${String(n).padStart(7, "0")}`;

function movieDetail(n: number): Json {
  return {
    id: 1000 + n,
    title: `Movie ${n}`,
    original_title: `Film ${n}`,
    release_date: n % 10 === 0 ? "" : "1999-10-31",
    runtime: 90 + (n % 30),
    budget: n % 4 === 0 ? 0 : 3_000_000_000 + n,
    revenue: 5_000_000_000,
    popularity: 1.5 * n,
    vote_average: n % 2 === 0 ? 7 : 6.5,
    vote_count: 100 + n,
    genres: [{ id: 27, name: "Horror" }],
    belongs_to_collection:
      n % 3 === 0 ? { id: 9, name: "Saga", poster_path: null, backdrop_path: "/b.jpg" } : null,
    keywords: { keywords: [{ id: 1, name: "haunted house" }] },
    credits: {
      cast: [
        { id: 7, name: "Actor", gender: 2, character: "Ghost", order: 0, known_for_department: "Acting" },
      ],
      crew: [{ id: 8, name: "Director", job: "Director", department: "Directing" }],
    },
    release_dates: { results: [{ iso_3166_1: "US", release_dates: [{ certification: "R", type: 3 }] }] },
  };
}

function tvDetail(n: number): Json {
  return {
    id: 5000 + n,
    name: `Series ${n}`,
    original_name: `Série ${n}`,
    first_air_date: "2010-01-01",
    episode_run_time: [42, 45],
    popularity: 3.25,
    vote_average: 8,
    vote_count: 10,
    genres: [{ id: 9648, name: "Mystery" }],
    number_of_seasons: 3,
    keywords: { results: [{ id: 2, name: "detective" }] },
    credits: { cast: [], crew: [] },
    content_ratings: { results: [{ iso_3166_1: "BR", rating: "16" }] },
  };
}

const movies = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) =>
    pickFields("movie", imdb(from + i), movieDetail(from + i), FIELD_NAMES),
  );
const series = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) =>
    pickFields("tv", imdb(9000 + from + i), tvDetail(from + i), FIELD_NAMES),
  );

const context = () => ({
  catalog,
  engine,
  lakeRoot: lake,
  store,
  notebookPath: null,
  log: (_level: string, text: string) => warnings.push(text),
});

async function rows(sql: string): Promise<Json[]> {
  const result = await engine.query(sql);
  await engine.release(result.resultId);
  return result.rows as Json[];
}

beforeAll(async () => {
  lake = await mkdtemp(path.join(tmpdir(), "lakebook-raw-tmdb-"));
  engine = await Engine.open({ threads: 2 });
  catalog = new LocalCatalog(lake);
  store = new LocalFolderStore(lake);
  // Day 2 first: a run on an earlier date afterwards must widen the table's first date.
  await writeTmdbFiles(store, { date: DAY_2, name: "tmdb", kind: "movie", firstNumber: 1 }, movies(200, 230));
  expect(await registerRawTmdbTable(context(), DAY_2, "tmdb_enrich")).toBe("raw.tmdb");
  await writeTmdbFiles(store, { date: DAY_1, name: "tmdb", kind: "movie", firstNumber: 1 }, movies(0, 150));
  await writeTmdbFiles(store, { date: DAY_1, name: "tmdb", kind: "tv", firstNumber: 1 }, series(0, 3));
  expect(await registerRawTmdbTable(context(), DAY_1, "tmdb_enrich")).toBe("raw.tmdb");
});
afterAll(async () => {
  await engine.close();
  await rm(lake, { recursive: true, force: true });
});

describe("raw.tmdb on the local lake", () => {
  it("is registered over Raw/TMDB/JSON/, partitioned by the RAW date folders from the earliest run on", async () => {
    expect(warnings).toEqual([]);
    const table = await catalog.get("raw", "tmdb");
    expect(table).toMatchObject({
      location: "Raw/TMDB/JSON/",
      format: "json",
      partitionKeys: [{ name: "dt", type: "string" }],
      dateFolders: { column: "dt", first: "2026/01/05" },
      producedBy: { cell: "tmdb_enrich", inputs: ["Raw/TMDB/JSON/"] },
    });
    expect(table?.columns.map((c) => c.name)).toEqual(["kind", "records"]);
  });

  it("reads one row a file: its kind, its date folder and its records", async () => {
    expect(
      await rows("SELECT dt, kind, count(*) AS files FROM raw.tmdb GROUP BY dt, kind ORDER BY dt, kind"),
    ).toEqual([
      { dt: "2026/01/05", kind: "movies", files: 2 },
      { dt: "2026/01/05", kind: "series", files: 1 },
      { dt: "2026/01/06", kind: "movies", files: 1 },
    ]);
  });

  it("answers the student's Athena query with the records written, a key a record lacks as NULL", async () => {
    const sql = rawTmdbQuery(DAY_1);
    expect(sql).toContain("FROM raw.tmdb\nCROSS JOIN UNNEST(records) AS t(r)\nWHERE dt = '2026/01/05'");
    const written = [
      ...movies(0, 150).map((record) => ({ kind: "movies", record })),
      ...series(0, 3).map((record) => ({ kind: "series", record })),
    ].map(({ kind, record }) => ({
      dt: "2026/01/05",
      kind,
      imdb_id: record.imdb_id,
      title: record.title ?? record.name,
      vote_average: record.vote_average,
      vote_count: record.vote_count,
    }));
    const expected = written.sort((a, b) => String(a.imdb_id).localeCompare(String(b.imdb_id))).slice(0, 20);
    expect(await rows(sql)).toEqual(expected);
    // A movie has no `name`, a series no `title`: NULL, as Athena's JSON SerDe reads a missing key.
    expect(
      await rows(
        "SELECT kind, count(r.title) AS titles, count(r.name) AS names FROM raw.tmdb CROSS JOIN UNNEST(records) AS t(r) GROUP BY kind ORDER BY kind",
      ),
    ).toEqual([
      { kind: "movies", titles: 180, names: 0 },
      { kind: "series", titles: 0, names: 3 },
    ]);
  });

  it("reads nested arrays and 64-bit money the same way", async () => {
    expect(
      await rows(`SELECT r.imdb_id, r.revenue, r.belongs_to_collection.name AS saga, c.name AS actor, c."order" AS billed
        FROM raw.tmdb CROSS JOIN UNNEST(records) AS t(r) CROSS JOIN UNNEST(r.credits."cast") AS u(c)
        WHERE dt = '2026/01/05' AND r.imdb_id IN ('tt0000003', 'tt0000004') ORDER BY r.imdb_id`),
    ).toEqual([
      { imdb_id: "tt0000003", revenue: 5_000_000_000, saga: "Saga", actor: "Actor", billed: 0 },
      { imdb_id: "tt0000004", revenue: 5_000_000_000, saga: null, actor: "Actor", billed: 0 },
    ]);
    expect(
      await rows(
        "SELECT r.episode_run_time AS runtimes, r.certifications[1].certification AS rating FROM raw.tmdb CROSS JOIN UNNEST(records) AS t(r) WHERE kind = 'series' LIMIT 1",
      ),
    ).toEqual([{ runtimes: [42, 45], rating: "16" }]);
  });
});
