import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LakebookError } from "../../../../../pipeline/contract";
import { Engine } from "../../../../../pipeline/engine";
import { LocalFolderStore, type ObjectStore, readAll } from "../../../../../pipeline/lake";
import {
  DEFAULT_FIELDS,
  loadCheckpoint,
  runTmdbEnrichment,
  type TmdbEnrichOptions,
  type TmdbEnrichProgress,
} from "../../../../../pipeline/stages/tmdb/enrich";
import { DEFAULT_SELECT } from "../../../../../pipeline/stages/tmdb/settings";
import { type FakeTitle, fakeTmdb } from "./fake-tmdb";

const DATE = { year: 2026, month: 1, day: 5 };
const DATA = "Raw/TMDB/JSON/2026/01/05/";
const movieId = (i: number) => `tt${String(i).padStart(7, "0")}`;
const seriesId = (i: number) => `tt9${String(i).padStart(6, "0")}`;

// 280 movies (every 10th a comedy: 252 selected), two rows each as in the row-per-artist CSV;
// 40 series (every 4th a comedy: 30 selected). Every 37th movie is unknown to TMDB.
const SETUP = `
CREATE SCHEMA raw;
CREATE TABLE raw.movies AS
  SELECT 'tt' || lpad(i::VARCHAR, 7, '0') AS id,
         CASE WHEN i % 10 = 0 THEN 'Comedy' WHEN i % 2 = 0 THEN 'Drama,Horror' ELSE 'Mystery,Thriller' END AS genero
  FROM range(1, 281) t(i) CROSS JOIN range(2) a(j);
CREATE TABLE raw.series AS
  SELECT 'tt9' || lpad(i::VARCHAR, 6, '0') AS id, CASE WHEN i % 4 = 0 THEN 'Comedy' ELSE 'Horror' END AS genero
  FROM range(1, 41) t(i);`;

const SELECTED_MOVIES = Array.from({ length: 280 }, (_, i) => i + 1).filter((i) => i % 10 !== 0);
const SELECTED_SERIES = Array.from({ length: 40 }, (_, i) => i + 1).filter((i) => i % 4 !== 0);
const TITLES = new Map<string, FakeTitle>([
  ...SELECTED_MOVIES.filter((i) => i % 37 !== 0).map(
    (i) => [movieId(i), { kind: "movie", tmdbId: i }] as const,
  ),
  ...SELECTED_SERIES.map((i) => [seriesId(i), { kind: "tv", tmdbId: 5000 + i }] as const),
]);
const NOT_FOUND = SELECTED_MOVIES.filter((i) => i % 37 === 0).map(movieId);

let engine: Engine;
let dir: string;
let lakes = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-tmdb-"));
  engine = await Engine.open({ threads: 2 });
  await engine.run(SETUP);
});

afterAll(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

function freshStore(): LocalFolderStore {
  lakes += 1;
  return new LocalFolderStore(path.join(dir, `lake-${lakes}`));
}

function options(
  store: ObjectStore,
  getter: TmdbEnrichOptions["getter"],
  extra: Partial<TmdbEnrichOptions> = {},
) {
  return {
    store,
    engine,
    getter,
    settings: {
      select: DEFAULT_SELECT,
      fields: [...DEFAULT_FIELDS],
      concurrency: 4,
      name: "tmdb",
      date: DATE,
    },
    ...extra,
  } satisfies TmdbEnrichOptions;
}

async function listing(store: LocalFolderStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const info of store.list(DATA)) keys.push(info.key);
  return keys;
}

async function readJson(store: ObjectStore, key: string): Promise<unknown> {
  return JSON.parse((await readAll(await store.get(key))).toString("utf8"));
}

/** A data file's records: each file is one `{kind, records}` object on one line. */
async function fileRecords(store: ObjectStore, key: string): Promise<Record<string, unknown>[]> {
  return ((await readJson(store, key)) as { records: Record<string, unknown>[] }).records;
}

async function records(store: LocalFolderStore): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  for (const key of await listing(store)) all.push(...(await fileRecords(store, key)));
  return all.sort((a, b) => String(a.imdb_id).localeCompare(String(b.imdb_id)));
}

async function failure(promise: Promise<unknown>): Promise<LakebookError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LakebookError);
  return error as LakebookError;
}

describe("runTmdbEnrichment", () => {
  it("enriches the default selection into numbered RAW files, with counts and lists", async () => {
    const store = freshStore();
    const fake = fakeTmdb(TITLES, {
      failFind: new Set([movieId(3)]),
      failDetail: new Set([seriesId(5)]),
      throwFind: new Set([seriesId(6)]),
    });
    const progress: TmdbEnrichProgress[] = [];
    const result = await runTmdbEnrichment(options(store, fake, { onProgress: (p) => progress.push(p) }));

    expect(result).toMatchObject({
      total: 282,
      done: 282,
      found: 282 - NOT_FOUND.length - 3,
      notFound: NOT_FOUND.length,
      failed: 3,
      notFoundIds: NOT_FOUND,
      skipped: [],
      fetched: 282,
      date: "2026-01-05",
      manifestKey: "_lakebook/tmdb/2026-01-05/tmdb.manifest.json",
    });
    expect(result.failedTitles).toEqual([
      { imdbId: movieId(3), reason: "find: HTTP 503 after 4 attempts: Service unavailable" },
      { imdbId: seriesId(5), reason: "tv: HTTP 500 after 4 attempts: Internal error" },
      { imdbId: seriesId(6), reason: "error: socket hang up" },
    ]);
    expect(result.requests).toMatchObject({ failed: 3, retries: 6, cacheHits: 0, notFound: 0 });
    expect(progress.at(-1)).toEqual({ total: 282, done: 282, found: 272, notFound: 7, failed: 3 });

    // 244 movies → 100 + 100 + 44; 28 series → one file. Only data files in the data folder.
    const keys = await listing(store);
    expect(keys).toEqual(
      [
        "tmdb-movies-0001.json",
        "tmdb-movies-0002.json",
        "tmdb-movies-0003.json",
        "tmdb-series-0001.json",
      ].map((name) => DATA + name),
    );
    for (const key of keys) {
      // One JSON object on one line (what Athena's JSON SerDes read), its records within it.
      const text = (await readAll(await store.get(key))).toString("utf8");
      expect(text.endsWith("\n")).toBe(true);
      expect(text.slice(0, -1)).not.toContain("\n");
      const isSeries = key.includes("-series-");
      const body = JSON.parse(text) as { kind: string; records: Record<string, unknown>[] };
      expect(body.kind).toBe(isSeries ? "series" : "movies");
      expect(body.records.length).toBeLessThanOrEqual(100);
      for (const record of body.records) {
        expect(record.imdb_id).toMatch(/^tt\d+$/);
        expect(typeof record.id).toBe("number");
        expect(record).toHaveProperty(isSeries ? "name" : "title");
        expect(record.keywords).toEqual([
          { id: isSeries ? 8 : 9, name: isSeries ? "detective" : "haunted house" },
        ]);
      }
    }
    const manifest = (await readJson(store, result.manifestKey as string)) as Record<string, unknown>;
    expect(manifest.counts).toEqual({ selected: 282, found: 272, notFound: 7, failed: 3, skipped: 0 });
    expect((manifest.files as unknown[]).length).toBe(4);
    expect(manifest.notFound).toEqual(NOT_FOUND);

    // A rerun retries only the failed titles, and numbers its files after the last ones.
    const again = fakeTmdb(TITLES);
    const second = await runTmdbEnrichment(options(store, again));
    expect([...again.detailsFetched.keys()].sort()).toEqual([movieId(3), seriesId(5), seriesId(6)]);
    expect(again.calls.filter((call) => call.startsWith("/find/")).length).toBe(3);
    expect(second).toMatchObject({ found: 275, notFound: 7, failed: 0, fetched: 3 });
    expect(second.filesWritten).toEqual([`${DATA}tmdb-movies-0004.json`, `${DATA}tmdb-series-0002.json`]);
  });

  it("writes nothing when a finished run is run again", async () => {
    const store = freshStore();
    await runTmdbEnrichment(options(store, fakeTmdb(TITLES)));
    const before = new Map<string, number>();
    for await (const info of store.list("")) before.set(info.key, info.lastModified.getTime());
    for await (const info of store.list("_lakebook/")) before.set(info.key, info.lastModified.getTime());

    const again = fakeTmdb(TITLES);
    const result = await runTmdbEnrichment(options(store, again));
    expect(again.calls).toEqual([]);
    expect(result).toMatchObject({ fetched: 0, filesWritten: [], found: 275, notFound: 7 });
    expect(result.manifestKey).toBe("_lakebook/tmdb/2026-01-05/tmdb.manifest.json");
    const after = new Map<string, number>();
    for await (const info of store.list("")) after.set(info.key, info.lastModified.getTime());
    for await (const info of store.list("_lakebook/")) after.set(info.key, info.lastModified.getTime());
    expect(after).toEqual(before);
  });

  it("resumes after a cancel, fetching again only the titles of unflushed batches", async () => {
    const reference = freshStore();
    await runTmdbEnrichment(options(reference, fakeTmdb(TITLES)));

    const store = freshStore();
    const fake = fakeTmdb(TITLES);
    const controller = new AbortController();
    fake.afterCall = () => {
      if (fake.detailsFetched.size >= 130) controller.abort();
    };
    const cancelled = await failure(runTmdbEnrichment(options(store, fake, { signal: controller.signal })));
    expect(cancelled.code).toBe("CANCELLED");
    const checkpoint = await loadCheckpoint(store, DATE, "tmdb");
    const flushed = new Set(checkpoint.files.flatMap((file) => file.ids));
    expect(checkpoint.files.map((file) => file.key)).toEqual([`${DATA}tmdb-movies-0001.json`]);
    expect(flushed.size).toBe(100);
    const firstRun = new Map(fake.detailsFetched);

    fake.afterCall = undefined;
    const result = await runTmdbEnrichment(options(store, fake));
    expect(result).toMatchObject({ found: 275, notFound: 7, failed: 0 });
    const twice = [...fake.detailsFetched].filter(([, count]) => count > 1).map(([id]) => id);
    for (const id of twice) expect(flushed.has(id)).toBe(false);
    // At most what sat in the two unflushed buffers, plus what was in flight.
    expect(twice.length).toBeLessThanOrEqual(firstRun.size - flushed.size);
    expect(twice.length).toBeLessThanOrEqual(2 * 99 + 4);
    for (const count of fake.detailsFetched.values()) expect(count).toBeLessThanOrEqual(2);

    expect(await records(store)).toEqual(await records(reference));
    const names = await listing(store);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe(`${DATA}tmdb-movies-0001.json`);
  });

  it("adopts a file stored just before a crash, so its titles are not written twice", async () => {
    const lake = freshStore();
    let failCheckpoint = true;
    const crashing: ObjectStore = {
      location: lake.location,
      put: async (key, body, opts) => {
        if (failCheckpoint && key.endsWith(".checkpoint.json")) throw new Error("power cut");
        return lake.put(key, body, opts);
      },
      get: (key) => lake.get(key),
      head: (key) => lake.head(key),
      list: (prefix) => lake.list(prefix),
      delete: (key) => lake.delete(key),
    };
    await expect(runTmdbEnrichment(options(crashing, fakeTmdb(TITLES)))).rejects.toThrow("power cut");
    expect(await listing(lake)).toEqual([`${DATA}tmdb-movies-0001.json`]);
    const orphan = (await fileRecords(lake, `${DATA}tmdb-movies-0001.json`)) as { imdb_id: string }[];

    failCheckpoint = false;
    const fake = fakeTmdb(TITLES);
    await runTmdbEnrichment(options(crashing, fake));
    for (const record of orphan) expect(fake.detailsFetched.has(record.imdb_id)).toBe(false);
    const all = await records(lake);
    expect(all.length).toBe(275);
    expect(new Set(all.map((record) => record.imdb_id)).size).toBe(275);
  });

  it("stops the whole run on a 401, without the key in the error", async () => {
    const store = freshStore();
    const fake = fakeTmdb(TITLES, { unauthorizedAfter: 40 });
    const error = await failure(runTmdbEnrichment(options(store, fake)));
    expect(error.code).toBe("TMDB_UNAUTHORIZED");
    expect(error.message).toContain("401");
    expect(`${error.message} ${error.hint}`).not.toContain("SECRET123");
    expect(error.hint).toContain("TMDB_API_KEY");
    // The workers stop at once: only the calls already in flight follow the first 401.
    expect(fake.calls.length).toBeLessThanOrEqual(41 + 4);
    expect(await listing(store)).toEqual([]);
  });

  it("reads a select without kind, lists ids that are not IMDb ids, and refuses a select without id", async () => {
    const store = freshStore();
    const fake = fakeTmdb(TITLES);
    const select = `SELECT * FROM (VALUES ('${seriesId(1)}'), ('${movieId(1)}'), ('nm0000001'), (NULL), ('${movieId(1)}')) v(id)`;
    const result = await runTmdbEnrichment({
      ...options(store, fake),
      settings: { ...options(store, fake).settings, select },
    });
    expect(result).toMatchObject({ total: 2, found: 2, skipped: ["nm0000001"] });
    expect(result.filesWritten).toEqual([`${DATA}tmdb-movies-0001.json`, `${DATA}tmdb-series-0001.json`]);

    const bad = { ...options(store, fake).settings, select: "SELECT 'tt1' AS imdb" };
    const error = await failure(runTmdbEnrichment({ ...options(store, fake), settings: bad }));
    expect(error.code).toBe("TMDB_SELECT_INVALID");
    expect(error.message).toContain('no column "id"');
  });

  describe("discover mode", () => {
    // Page 1 repeats selected movies 1 and 2 (TMDB ids 1 and 2): deduped by TMDB id. Page 3 is past maxPages.
    const movies = new Map<number, string | null>([
      [7001, "tt7000001"],
      [7002, null],
      [7003, ""],
      [7004, "tt7000004"],
      [7005, "tt7000005"],
    ]);
    const discoverSelect = `SELECT * FROM (VALUES ('${movieId(1)}', 'movie'), ('${movieId(2)}', 'movie')) v(id, kind)`;
    const discoverOptions = (store: ObjectStore, getter: TmdbEnrichOptions["getter"], maxPages: number) => {
      const base = options(store, getter);
      return {
        ...base,
        settings: {
          ...base.settings,
          select: discoverSelect,
          discover: { filters: { with_genres: "27" }, maxPages },
        },
      } satisfies TmdbEnrichOptions;
    };
    const pages = [[1, 7001, 7002], [2, 7003, 7001], [7004]];

    it("pages up to maxPages, dedupes by TMDB id, and keeps titles without an IMDb id", async () => {
      const store = freshStore();
      const fake = fakeTmdb(TITLES, { discover: { pages, movies } });
      const result = await runTmdbEnrichment(discoverOptions(store, fake, 2));

      const discoverCalls = fake.calls.filter((call) => call === "/discover/movie");
      expect(discoverCalls.length).toBe(2);
      expect([...fake.detailsFetched.keys()].sort()).toEqual(
        [movieId(1), movieId(2), "/movie/7001", "/movie/7002", "/movie/7003"].sort(),
      );
      for (const count of fake.detailsFetched.values()) expect(count).toBe(1);
      expect(result).toMatchObject({
        total: 2,
        found: 2,
        discovered: 3,
        withoutImdbId: 2,
        discoverFetched: 3,
        discoverFailures: [],
      });
      expect(result.filesWritten).toEqual([`${DATA}tmdb-movies-0001.json`]);
      const all = (await records(store)).sort((a, b) => Number(a.id) - Number(b.id));
      expect(all.map((record) => [record.id, record.imdb_id])).toEqual([
        [1, movieId(1)],
        [2, movieId(2)],
        [7001, "tt7000001"],
        [7002, null],
        [7003, null],
      ]);
      expect(all.find((record) => record.id === 7002)).toMatchObject({ title: "Movie " });
      const manifest = (await readJson(store, result.manifestKey as string)) as Record<string, unknown>;
      expect(manifest.counts).toEqual({
        selected: 2,
        found: 2,
        notFound: 0,
        failed: 0,
        skipped: 0,
        discovered: 3,
        withoutImdbId: 2,
        discoverFailed: 0,
      });

      // A rerun reads the pages again but fetches no details and writes nothing.
      const again = fakeTmdb(TITLES, { discover: { pages, movies } });
      const second = await runTmdbEnrichment(discoverOptions(store, again, 2));
      expect(again.calls).toEqual(["/discover/movie", "/discover/movie"]);
      expect(again.detailsFetched.size).toBe(0);
      expect(second).toMatchObject({ filesWritten: [], discovered: 3, withoutImdbId: 2, discoverFetched: 0 });
      expect((await loadCheckpoint(store, DATE, "tmdb")).discovered).toEqual([
        { tmdbId: 7001, imdbId: "tt7000001" },
        { tmdbId: 7002, imdbId: null },
        { tmdbId: 7003, imdbId: null },
      ]);
    });

    it("records a failed page and goes on; a rerun reads it and fetches only what is new", async () => {
      const store = freshStore();
      const fake = fakeTmdb(TITLES, { discover: { pages, movies, failPages: new Set([2]) } });
      const result = await runTmdbEnrichment(discoverOptions(store, fake, 5));
      expect(fake.calls.filter((call) => call === "/discover/movie").length).toBe(3);
      expect(result.discoverFailures).toEqual([
        { page: 2, reason: "discover page 2: HTTP 503 after 4 attempts: Service unavailable" },
      ]);
      expect(result).toMatchObject({ discovered: 3, withoutImdbId: 1 });
      const manifest = (await readJson(store, result.manifestKey as string)) as Record<string, unknown>;
      expect(manifest.counts).toMatchObject({ discovered: 3, discoverFailed: 1 });
      expect(manifest.discoverFailed).toEqual(result.discoverFailures);

      const again = fakeTmdb(TITLES, { discover: { pages, movies } });
      const second = await runTmdbEnrichment(discoverOptions(store, again, 5));
      expect([...again.detailsFetched.keys()]).toEqual(["/movie/7003"]);
      expect(second).toMatchObject({
        discovered: 4,
        withoutImdbId: 2,
        discoverFailures: [],
        discoverFetched: 1,
      });
      expect(second.filesWritten).toEqual([`${DATA}tmdb-movies-0002.json`]);
      expect((await records(store)).length).toBe(6);
    });
  });
});
