import { describe, expect, it } from "vitest";
import { CellOutputSchema } from "../../../../pipeline/contract";
import type { TmdbEnrichResult } from "../../../../pipeline/stages/tmdb/enrich";
import {
  exampleTitles,
  LIST_LIMIT,
  summaryOf,
  TV_HORROR_NOTE,
  tmdbOutput,
} from "../../../../pipeline/stages/tmdb/tmdb-output";

const result: TmdbEnrichResult = {
  total: 1203,
  done: 1203,
  found: 600,
  notFound: 601,
  failed: 2,
  date: "2026-01-05",
  name: "tmdb",
  skipped: ["n/a"],
  fetched: 1203,
  notFoundIds: Array.from({ length: 601 }, (_, i) => `tt${1000 + i}`),
  failedTitles: [
    { imdbId: "tt1", reason: "find: HTTP 503 after 5 attempts: Service Unavailable" },
    { imdbId: "tt2", reason: "movie: HTTP 500: boom" },
  ],
  filesWritten: ["Raw/TMDB/JSON/2026/01/05/tmdb-movies-0001.json"],
  files: ["Raw/TMDB/JSON/2026/01/05/tmdb-movies-0001.json"],
  requests: { requests: 1805, cacheHits: 4, retries: 9, failed: 2, notFound: 601 },
  discovered: 0,
  withoutImdbId: 0,
  discoverFetched: 0,
  discoverFailures: [],
  manifestKey: "_lakebook/tmdb/2026-01-05/tmdb.manifest.json",
};
const sample = {
  key: "Raw/TMDB/JSON/2026/01/05/tmdb-movies-0001.json",
  kind: "movie" as const,
  records: 100,
  sample: [{ record: { imdb_id: "tt7784604", id: 493922, title: "Hereditary" }, cuts: [] }],
};

describe("the TMDB cell's output", () => {
  it("is a valid tmdb output with the counts, requests, files, sample, lists, note and script", () => {
    const output = tmdbOutput(result, {
      source: "TMDB",
      samples: [sample],
      python: "import boto3",
      withDiscover: false,
    });
    expect(CellOutputSchema.parse(output)).toEqual(output);
    expect(output).toMatchObject({
      type: "tmdb",
      source: "TMDB",
      date: "2026-01-05",
      counts: { total: 1203, found: 600, notFound: 601, failed: 2, skipped: 1 },
      requests: { requests: 1805, retries: 9, cacheHits: 4 },
      files: result.files,
      samples: [sample],
      failed: result.failedTitles,
      manifest: "_lakebook/tmdb/2026-01-05/tmdb.manifest.json",
      note: TV_HORROR_NOTE,
      python: "import boto3",
    });
    expect(output.discover).toBeUndefined();
  });

  it("caps the not-found list (the manifest has them all) and keeps the count whole", () => {
    const output = tmdbOutput(result, { source: "TMDB", samples: [], python: "", withDiscover: false });
    expect(output.notFound).toHaveLength(LIST_LIMIT);
    expect(output.notFound[0]).toBe("tt1000");
    expect(output.counts.notFound).toBe(601);
  });

  it("adds the discover counts in discover mode", () => {
    const discovered = {
      ...result,
      discovered: 40,
      withoutImdbId: 3,
      discoverFailures: [{ page: 2, reason: "discover page 2: HTTP 500" }],
    };
    const output = tmdbOutput(discovered, {
      source: "offline sample",
      samples: [],
      python: "",
      withDiscover: true,
    });
    expect(output.discover).toEqual({ discovered: 40, withoutImdbId: 3, failed: 1 });
    expect(CellOutputSchema.safeParse(output).success).toBe(true);
  });

  it("refuses an output that is not precise", () => {
    const output = tmdbOutput(result, { source: "TMDB", samples: [sample], python: "", withDiscover: false });
    expect(CellOutputSchema.safeParse({ ...output, source: "tmdb" }).success).toBe(false);
    expect(CellOutputSchema.safeParse({ ...output, date: "2026/01/05" }).success).toBe(false);
    expect(CellOutputSchema.safeParse({ ...output, counts: { ...output.counts, found: -1 } }).success).toBe(
      false,
    );
    const tooMany = { ...sample, sample: Array.from({ length: 6 }, () => sample.sample[0]) };
    expect(CellOutputSchema.safeParse({ ...output, samples: [tooMany] }).success).toBe(false);
  });

  it("keeps the summary line the CLI and the run list show", () => {
    expect(summaryOf(result, "offline sample")).toBe(
      "offline sample: 1203 titles — 600 found, 601 not found, 2 failed; 1 files in Raw/TMDB/JSON/2026/01/05/",
    );
  });

  it("gives the Python script the sampled titles, else the ones that missed", () => {
    const tv = { ...sample, kind: "tv" as const, sample: [{ record: { imdb_id: "tt9", id: 9 }, cuts: [] }] };
    expect(exampleTitles([sample, tv], result)).toEqual([
      { imdbId: "tt7784604", kind: "movie" },
      { imdbId: "tt9", kind: "tv" },
    ]);
    expect(exampleTitles([], { notFoundIds: ["tt5"], failedTitles: result.failedTitles })).toEqual([
      { imdbId: "tt5" },
      { imdbId: "tt1" },
      { imdbId: "tt2" },
    ]);
  });
});
