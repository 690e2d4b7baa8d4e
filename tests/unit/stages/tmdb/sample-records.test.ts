import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { TmdbSampleFileSchema } from "../../../../pipeline/contract";
import { LocalFolderStore } from "../../../../pipeline/lake";
import { readSampleFiles, trimRecord } from "../../../../pipeline/stages/tmdb/sample-records";

const cast = Array.from({ length: 10 }, (_, i) => ({ id: i, name: `Actor ${i}`, order: i }));

describe("a sample record, trimmed", () => {
  it("keeps the first 5 items of a long array and says how many were left out, by path", () => {
    const { record, cuts } = trimRecord({
      imdb_id: "tt7784604",
      id: 493922,
      genres: [{ id: 27, name: "Horror" }],
      credits: { cast, crew: [] },
      keywords: Array.from({ length: 7 }, (_, i) => ({ id: i, name: `k${i}` })),
    });
    expect(record.imdb_id).toBe("tt7784604");
    expect(record.genres).toEqual([{ id: 27, name: "Horror" }]);
    expect(record.credits).toEqual({ cast: cast.slice(0, 5), crew: [] });
    expect(record.keywords).toHaveLength(5);
    expect(cuts).toEqual([
      { path: "credits.cast", omitted: 5, unit: "items" },
      { path: "keywords", omitted: 2, unit: "items" },
    ]);
  });

  it("cuts long texts, nested ones too, and leaves short values and nulls as written", () => {
    const overview = "x".repeat(250);
    const { record, cuts } = trimRecord(
      { overview, belongs_to_collection: null, vote_average: 7.3, seasons: [{ overview }] },
      { items: 5, characters: 200 },
    );
    expect(record.overview).toBe("x".repeat(200));
    expect(record.belongs_to_collection).toBeNull();
    expect(record.vote_average).toBe(7.3);
    expect(cuts).toEqual([
      { path: "overview", omitted: 50, unit: "characters" },
      { path: "seasons.0.overview", omitted: 50, unit: "characters" },
    ]);
  });

  it("cuts nothing in a record that is already small", () => {
    const small = { imdb_id: "tt1", id: 1, title: "A", keywords: [{ id: 1, name: "k" }] };
    expect(trimRecord(small)).toEqual({ record: small, cuts: [] });
  });
});

describe("the sample read back from the lake", () => {
  let dir = "";
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("takes the first 5 records of the first movies file and of the first series file", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "lakebook-tmdb-sample-"));
    const store = new LocalFolderStore(dir);
    const folder = "Raw/TMDB/JSON/2026/01/05";
    const records = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ imdb_id: `${prefix}${i}`, id: i, keywords: cast }));
    const files = {
      [`${folder}/tmdb-movies-0002.json`]: records("tt2", 3),
      [`${folder}/tmdb-movies-0001.json`]: records("tt1", 100),
      [`${folder}/tmdb-series-0001.json`]: records("tt9", 2),
      [`${folder}/other-movies-0001.json`]: records("tt0", 1),
    };
    for (const [key, body] of Object.entries(files)) {
      const kind = key.includes("-series-") ? "series" : "movies";
      await store.put(key, `${JSON.stringify({ kind, records: body })}\n`);
    }

    const samples = await readSampleFiles(store, "tmdb", Object.keys(files));
    expect(samples.map(({ key, kind, records }) => ({ key, kind, records }))).toEqual([
      { key: `${folder}/tmdb-movies-0001.json`, kind: "movie", records: 100 },
      { key: `${folder}/tmdb-series-0001.json`, kind: "tv", records: 2 },
    ]);
    expect(samples[0]?.sample.map((s) => s.record.imdb_id)).toEqual(["tt10", "tt11", "tt12", "tt13", "tt14"]);
    expect(samples[0]?.sample[0]?.cuts).toEqual([{ path: "keywords", omitted: 5, unit: "items" }]);
    for (const sample of samples) expect(TmdbSampleFileSchema.parse(sample)).toEqual(sample);
  });

  it("gives no sample for a file that is missing, not JSON or not the {kind, records} object, rather than failing", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "lakebook-tmdb-sample-"));
    const store = new LocalFolderStore(dir);
    await store.put("Raw/TMDB/JSON/2026/01/05/tmdb-series-0001.json", "{not json");
    await store.put("Raw/TMDB/JSON/2026/01/05/tmdb-series-0002.json", '[{"imdb_id":"tt1","id":1}]');
    const samples = await readSampleFiles(store, "tmdb", [
      "Raw/TMDB/JSON/2026/01/05/tmdb-movies-0001.json",
      "Raw/TMDB/JSON/2026/01/05/tmdb-series-0001.json",
    ]);
    expect(samples).toEqual([]);
    const arrays = await readSampleFiles(store, "tmdb", ["Raw/TMDB/JSON/2026/01/05/tmdb-series-0002.json"]);
    expect(arrays).toEqual([]);
  });
});
