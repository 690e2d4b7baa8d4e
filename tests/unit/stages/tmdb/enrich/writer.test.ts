import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FILE_LIMITS,
  KIND_WORD,
  parseTmdbFileName,
  readTmdbFileBody,
  splitIntoFiles,
  tmdbFileName,
} from "../../../../../pipeline/stages/tmdb/enrich";

const record = (n: number, extra = "") => ({ imdb_id: `tt${String(n).padStart(7, "0")}`, id: n, extra });

describe("TMDB file names", () => {
  it("pads numbers to four digits and keeps movies and series apart", () => {
    expect(tmdbFileName("tmdb", "movie", 1)).toBe("tmdb-movies-0001.json");
    expect(tmdbFileName("tmdb", "tv", 12)).toBe("tmdb-series-0012.json");
    expect(tmdbFileName("horror-2", "movie", 10000)).toBe("horror-2-movies-10000.json");
    expect(() => tmdbFileName("tmdb", "movie", 0)).toThrow(/not 1 or more/);
  });

  it("reads back only its own names", () => {
    expect(parseTmdbFileName("tmdb", "tmdb-series-0012.json")).toEqual({ kind: "tv", number: 12 });
    expect(parseTmdbFileName("tmdb", "tmdb-movies-0001.json")).toEqual({ kind: "movie", number: 1 });
    expect(parseTmdbFileName("tmdb", "tmdb-movies-1.json")).toBeUndefined();
    expect(parseTmdbFileName("tmdb", "other-movies-0001.json")).toBeUndefined();
    expect(parseTmdbFileName("tmdb", "tmdb-x-movies-0001.json")).toBeUndefined();
    expect(parseTmdbFileName("tmdb", "tmdb-movies-0000.json")).toBeUndefined();
  });
});

/** A file body as Athena reads it: one line, one JSON object `{kind, records}`. */
function envelope(body: string): { kind: string; records: unknown[] } {
  expect(body.endsWith("\n")).toBe(true);
  expect(body.slice(0, -1)).not.toContain("\n");
  const value = JSON.parse(body);
  expect(Array.isArray(value)).toBe(false);
  expect(Object.keys(value)).toEqual(["kind", "records"]);
  return value;
}

describe("splitIntoFiles", () => {
  it("puts 101 records in two files of 100 and 1, each one JSON object on one line", () => {
    // Athena's JSON SerDes read one object a line and cannot read a top-level array:
    // https://docs.aws.amazon.com/athena/latest/ug/openx-json-serde.html
    const { files, oversized } = splitIntoFiles(
      "movie",
      Array.from({ length: 101 }, (_, i) => record(i)),
    );
    expect(files.map((file) => file.records.length)).toEqual([100, 1]);
    expect(oversized).toEqual([]);
    expect(envelope(files[0]?.body ?? "").records).toHaveLength(100);
    expect(files[1]?.body).toBe(`{"kind":"movies","records":[${JSON.stringify(record(100))}]}\n`);
    expect(envelope(splitIntoFiles("tv", [record(1)]).files[0]?.body ?? "")).toEqual({
      kind: "series",
      records: [record(1)],
    });
  });

  it("splits a batch of 100 that would pass 10 MB, each file under it", () => {
    const big = "x".repeat(150_000);
    const { files } = splitIntoFiles(
      "movie",
      Array.from({ length: 100 }, (_, i) => record(i, big)),
    );
    expect(files.length).toBe(2);
    for (const file of files) {
      expect(Buffer.byteLength(file.body)).toBeLessThan(FILE_LIMITS.maxBytes);
      expect(envelope(file.body).records).toHaveLength(file.records.length);
    }
    expect(files.reduce((sum, file) => sum + file.records.length, 0)).toBe(100);
  });

  it("returns a record too large for any file instead of writing it", () => {
    const { files, oversized } = splitIntoFiles("movie", [record(1), record(2, "y".repeat(200)), record(3)], {
      maxRecords: 100,
      maxBytes: 150,
    });
    expect(oversized.map((r) => r.id)).toEqual([2]);
    expect(files.flatMap((file) => file.records.map((r) => r.id))).toEqual([1, 3]);
  });

  it("always makes one whole JSON object a file, on one line, within the limits, in order", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("movie" as const, "tv" as const),
        fc.array(fc.record({ imdb_id: fc.string(), id: fc.integer(), extra: fc.string({ maxLength: 80 }) }), {
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 60, max: 800 }),
        (kind, records, maxRecords, maxBytes) => {
          const { files, oversized } = splitIntoFiles(kind, records, { maxRecords, maxBytes });
          for (const file of files) {
            expect(file.records.length).toBeGreaterThan(0);
            expect(file.records.length).toBeLessThanOrEqual(maxRecords);
            expect(Buffer.byteLength(file.body)).toBeLessThan(maxBytes);
            expect(envelope(file.body)).toEqual({ kind: KIND_WORD[kind], records: file.records });
          }
          const kept = files.flatMap((file) => file.records);
          expect(kept.length + oversized.length).toBe(records.length);
          expect(kept).toEqual(records.filter((r) => !oversized.includes(r)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("readTmdbFileBody", () => {
  it("reads the envelope back and names what else a file holds", () => {
    const body = splitIntoFiles("tv", [record(1), record(2)]).files[0]?.body ?? "";
    expect(readTmdbFileBody(body)).toEqual({ kind: "series", records: [record(1), record(2)] });
    expect(() => readTmdbFileBody(JSON.stringify([record(1)]))).toThrow(/a JSON array/);
    expect(() => readTmdbFileBody('{"records":[]}')).toThrow(/kind/);
    expect(() =>
      readTmdbFileBody('{"kind":"movies","records":[]}\n{"kind":"movies","records":[]}'),
    ).toThrow();
  });
});
