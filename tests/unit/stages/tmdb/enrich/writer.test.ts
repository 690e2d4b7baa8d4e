import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FILE_LIMITS,
  parseTmdbFileName,
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

describe("splitIntoFiles", () => {
  it("puts each record in its own file, one JSON object on one line, which Athena reads", () => {
    // Athena's JSON SerDes read one object per line and cannot read a top-level array:
    // https://docs.aws.amazon.com/athena/latest/ug/parsing-JSON.html
    const { files, oversized } = splitIntoFiles(Array.from({ length: 101 }, (_, i) => record(i)));
    expect(files.map((file) => file.records.length)).toEqual(Array(101).fill(1));
    expect(oversized).toEqual([]);
    expect(files[0]?.body).toBe(`${JSON.stringify(record(0))}\n`);
    expect(JSON.parse(files[100]?.body ?? "")).toEqual(record(100));
  });

  it("keeps every file under 10 MB", () => {
    const big = "x".repeat(150_000);
    const { files } = splitIntoFiles(Array.from({ length: 100 }, (_, i) => record(i, big)));
    expect(files.length).toBe(100);
    for (const file of files) expect(Buffer.byteLength(file.body)).toBeLessThan(FILE_LIMITS.maxBytes);
  });

  it("returns a record too large for any file instead of writing it", () => {
    const { files, oversized } = splitIntoFiles([record(1), record(2, "y".repeat(200)), record(3)], {
      maxRecords: 100,
      maxBytes: 150,
    });
    expect(oversized.map((r) => r.id)).toEqual([2]);
    expect(files.flatMap((file) => file.records.map((r) => r.id))).toEqual([1, 3]);
  });

  it("always makes one whole JSON object a line within the limits, in order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ imdb_id: fc.string(), id: fc.integer(), extra: fc.string({ maxLength: 80 }) }), {
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 60, max: 800 }),
        (records, maxRecords, maxBytes) => {
          const { files, oversized } = splitIntoFiles(records, { maxRecords, maxBytes });
          for (const file of files) {
            expect(file.records).toHaveLength(1);
            expect(file.records.length).toBeLessThanOrEqual(maxRecords);
            expect(Buffer.byteLength(file.body)).toBeLessThan(maxBytes);
            expect(file.body.slice(0, -1)).not.toContain("\n");
            expect([JSON.parse(file.body)]).toEqual(file.records);
          }
          const kept = files.flatMap((file) => file.records);
          expect(kept.length + oversized.length).toBe(records.length);
          expect(kept).toEqual(records.filter((r) => !oversized.includes(r)));
        },
      ),
    );
  });
});
