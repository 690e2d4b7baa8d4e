import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LakebookError } from "../../../pipeline/contract/errors";
import {
  describeKey,
  explainKeyProblem,
  formatDateIso,
  formatDatePath,
  joinKey,
  parseProcessingDate,
  partitionSegment,
  processingDateOf,
  rawCsvKey,
  rawTmdbKey,
  refinedTablePrefix,
  trustedTablePrefix,
  writtenTablePrefix,
  zoneOfKey,
} from "../../../pipeline/lake";

const JAN_5 = { year: 2026, month: 1, day: 5 };

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof LakebookError ? error.code : "not a LakebookError";
  }
  return undefined;
}

/** Any real calendar date in years 1..9999. */
const realDate = fc
  .date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true })
  .map((date) => processingDateOf(date));

describe("processing dates", () => {
  it("formats zero-padded paths and ISO dates", () => {
    expect(formatDatePath(JAN_5)).toBe("2026/01/05");
    expect(formatDateIso(JAN_5)).toBe("2026-01-05");
    expect(formatDateIso({ year: 987, month: 12, day: 31 })).toBe("0987-12-31");
  });

  it("parses strict YYYY-MM-DD", () => {
    expect(parseProcessingDate("2026-01-05")).toEqual(JAN_5);
    expect(parseProcessingDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it.each([
    ["2026-02-30", /not a real calendar date/],
    ["2025-02-29", /not a real calendar date/],
    ["2026-13-01", /not a real calendar date/],
    ["2026-00-10", /not a real calendar date/],
    ["2026-1-5", /not zero-padded: expected 2026-01-05/],
    ["2026-01-5", /not zero-padded/],
    ["20260105", /YYYY-MM-DD/],
    ["2026/01/05", /YYYY-MM-DD/],
    [" 2026-01-05", /YYYY-MM-DD/],
    ["", /YYYY-MM-DD/],
  ])("refuses %j", (text, message) => {
    expect(() => parseProcessingDate(text)).toThrow(message);
    expect(codeOf(() => parseProcessingDate(text))).toBe("INVALID_DATE");
  });

  it("takes the UTC day of an instant", () => {
    expect(processingDateOf(new Date("2026-01-05T23:59:59.999Z"))).toEqual(JAN_5);
    expect(processingDateOf(new Date("2026-01-05T23:30:00-03:00"))).toEqual({ year: 2026, month: 1, day: 6 });
    expect(codeOf(() => processingDateOf(new Date("nope")))).toBe("INVALID_DATE");
  });

  it("refuses hand-made impossible dates before they become paths", () => {
    expect(codeOf(() => formatDatePath({ year: 2026, month: 2, day: 30 }))).toBe("INVALID_DATE");
    expect(codeOf(() => formatDateIso({ year: 2026, month: 1.5, day: 1 }))).toBe("INVALID_DATE");
  });

  it("round-trips any real date through format and parse", () => {
    fc.assert(
      fc.property(realDate, (date) => {
        const iso = formatDateIso(date);
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(parseProcessingDate(iso)).toEqual(date);
        expect(formatDatePath(date)).toBe(iso.replaceAll("-", "/"));
      }),
    );
  });

  it("describes any dated RAW key it builds back to the same date", () => {
    fc.assert(
      fc.property(
        realDate,
        fc.constantFrom("movies", "series") as fc.Arbitrary<"movies" | "series">,
        (date, ds) => {
          expect(describeKey(rawCsvKey(ds, date, `${ds}.csv`))).toMatchObject({
            zone: "raw",
            dataset: ds,
            date,
          });
          expect(describeKey(rawTmdbKey(date, "m.json"))).toMatchObject({
            zone: "raw",
            source: "TMDB",
            date,
          });
        },
      ),
    );
  });
});

describe("key builders", () => {
  it("builds the challenge's exact RAW keys", () => {
    expect(rawCsvKey("movies", JAN_5, "movies.csv")).toBe("Raw/Local/CSV/Movies/2026/01/05/movies.csv");
    expect(rawCsvKey("series", JAN_5, "series.csv")).toBe("Raw/Local/CSV/Series/2026/01/05/series.csv");
    expect(rawTmdbKey(JAN_5, "movies-0001.json")).toBe("Raw/TMDB/JSON/2026/01/05/movies-0001.json");
  });

  it.each(["a/b.csv", "../movies.csv", "..", "", "x\\y.csv", "line\nbreak.csv"])(
    "refuses file name %j",
    (name) => {
      expect(codeOf(() => rawCsvKey("movies", JAN_5, name))).toBe("LAKE_KEY_INVALID");
    },
  );

  it("refuses TMDB files that are not .json and unknown datasets", () => {
    expect(codeOf(() => rawTmdbKey(JAN_5, "movies.csv"))).toBe("LAKE_KEY_INVALID");
    expect(codeOf(() => rawTmdbKey(JAN_5, ".json"))).toBe("LAKE_KEY_INVALID");
    expect(codeOf(() => rawCsvKey("Movies" as "movies", JAN_5, "m.csv"))).toBe("LAKE_KEY_INVALID");
  });

  it("builds TRUSTED and REFINED prefixes and partition folders", () => {
    expect(trustedTablePrefix("Local", "movies")).toBe("Trusted/Local/Parquet/movies/");
    expect(trustedTablePrefix("TMDB", "tmdb_movies")).toBe("Trusted/TMDB/Parquet/tmdb_movies/");
    expect(partitionSegment("dt", JAN_5)).toBe("dt=2026-01-05/");
    expect(refinedTablePrefix("fact_title_rating")).toBe("Refined/fact_title_rating/");
    expect(
      joinKey(trustedTablePrefix("TMDB", "tmdb_movies"), `${partitionSegment("dt", JAN_5)}part-0.parquet`),
    ).toBe("Trusted/TMDB/Parquet/tmdb_movies/dt=2026-01-05/part-0.parquet");
  });

  it("puts a written table under the source of its inputs: TMDB only when all of them are", () => {
    const tmdb = ["Raw/TMDB/JSON/2026/01/05/", "Trusted/TMDB/Parquet/tmdb_movies/"];
    expect(writtenTablePrefix("trusted", "tmdb_movies", tmdb)).toBe("Trusted/TMDB/Parquet/tmdb_movies/");
    expect(writtenTablePrefix("trusted", "movies", [...tmdb, "Raw/Local/CSV/Movies/"])).toBe(
      "Trusted/Local/Parquet/movies/",
    );
    expect(writtenTablePrefix("trusted", "movies", [])).toBe("Trusted/Local/Parquet/movies/");
    expect(writtenTablePrefix("trusted", "x", ["trusted.tmdb_movies"])).toBe("Trusted/Local/Parquet/x/");
    expect(writtenTablePrefix("refined", "dim_title", tmdb)).toBe("Refined/dim_title/");
  });

  it.each(["Movies", "1movies", "movies-2026", "", "dim genre", "_x"])("refuses table name %j", (table) => {
    expect(codeOf(() => refinedTablePrefix(table))).toBe("LAKE_KEY_INVALID");
    expect(codeOf(() => trustedTablePrefix("Local", table))).toBe("LAKE_KEY_INVALID");
  });

  it("refuses unknown sources", () => {
    expect(codeOf(() => trustedTablePrefix("local" as "Local", "movies"))).toBe("LAKE_KEY_INVALID");
  });

  it("joins an S3 prefix and a key whatever the slashes around the prefix", () => {
    expect(joinKey("", "Raw/a.csv")).toBe("Raw/a.csv");
    expect(joinKey("lake", "Raw/a.csv")).toBe("lake/Raw/a.csv");
    expect(joinKey("/team/lake/", "Raw/a.csv")).toBe("team/lake/Raw/a.csv");
    expect(joinKey("lake/", "")).toBe("lake/");
  });
});

describe("reading keys back", () => {
  it("knows the zone only by the exact first folder", () => {
    expect(zoneOfKey("Raw/Local/CSV/Movies/2026/01/05/movies.csv")).toBe("raw");
    expect(zoneOfKey("Trusted/Local/Parquet/movies/part-0.parquet")).toBe("trusted");
    expect(zoneOfKey("Refined/dim_genre/part-0.parquet")).toBe("refined");
    expect(zoneOfKey("raw/local/csv/movies/2026/01/05/movies.csv")).toBeUndefined();
    expect(zoneOfKey("Rawish/x")).toBeUndefined();
    expect(zoneOfKey("_catalog/tables.json")).toBeUndefined();
  });

  it("describes conventional keys", () => {
    expect(describeKey("Raw/Local/CSV/Movies/2026/01/05/movies.csv")).toEqual({
      zone: "raw",
      source: "Local",
      dataset: "movies",
      date: JAN_5,
      fileName: "movies.csv",
    });
    expect(describeKey("Raw/TMDB/JSON/2026/01/05/movies-0001.json")).toEqual({
      zone: "raw",
      source: "TMDB",
      date: JAN_5,
      fileName: "movies-0001.json",
    });
    expect(describeKey("Trusted/TMDB/Parquet/tmdb_movies/dt=2026-01-05/part-0.parquet")).toEqual({
      zone: "trusted",
      source: "TMDB",
      table: "tmdb_movies",
      date: JAN_5,
      fileName: "part-0.parquet",
    });
    expect(describeKey("Trusted/Local/Parquet/movies/part-0.parquet")).toEqual({
      zone: "trusted",
      source: "Local",
      table: "movies",
      fileName: "part-0.parquet",
    });
    expect(describeKey("Refined/fact_title/year=2026/part-0.parquet")).toEqual({
      zone: "refined",
      table: "fact_title",
      fileName: "part-0.parquet",
    });
  });

  it.each([
    "raw/local/csv/movies/2026/01/05/movies.csv",
    "Raw/Local/CSV/Movies/2026/1/5/movies.csv",
    "Raw/Local/CSV/Movies/movies.csv",
    "Raw/Local/CSV/Movies/2026/02/30/movies.csv",
    "Raw/TMDB/JSON/2026/01/05/movies.csv",
    "Trusted/TMDB/Parquet/tmdb_movies/dt=2026-1-5/part-0.parquet",
    "Trusted/Local/Parquet/Movies/part-0.parquet",
    "Refined/dim_genre",
    "notes/readme.md",
    "",
  ])("does not describe %j", (key) => {
    expect(describeKey(key)).toBeUndefined();
  });

  it.each([
    [
      "raw/local/csv/movies/2026/01/05/movies.csv",
      /spells "raw\/local\/csv\/movies".*"Raw\/Local\/CSV\/Movies".*case-sensitive/,
    ],
    ["RAW/Local/CSV/Movies/2026/01/05/movies.csv", /Use "Raw\/Local\/CSV\/Movies\/2026\/01\/05\/movies.csv"/],
    ["Trusted/local/parquet/movies/part-0.parquet", /"Trusted\/Local\/Parquet"/],
    ["Raw/Local/CSV/Movies/2026/1/5/movies.csv", /2026\/1\/5 .* not zero-padded: expected 2026\/01\/05/],
    ["Raw/TMDB/JSON/2026/1/05/m.json", /not zero-padded: expected 2026\/01\/05/],
    [
      "Raw/Local/CSV/Movies/movies.csv",
      /no processing date: expected Raw\/Local\/CSV\/Movies\/YYYY\/MM\/DD\/movies.csv/,
    ],
    ["Raw/Local/CSV/Movies/2026/movies.csv", /no processing date/],
    ["Raw/Local/CSV/Movies/2026-01-05/movies.csv", /one folder "2026-01-05".*2026\/01\/05\/movies.csv/],
    ["Raw/Local/CSV/Movies/2026/01/05", /ends at the date folders/],
    ["Raw/Local/CSV/Movies/26/01/05/movies.csv", /four digits/],
    ["Raw/Local/CSV/Movies/2026/02/30/movies.csv", /2026\/02\/30 .* not a real calendar date/],
    ["Raw/Local/CSV/2026/01/05/movies.csv", /no dataset folder/],
    ["Raw/TMDB/JSON/2026/01/05/movies.csv", /not a \.json file/],
    ["Trusted/TMDB/Parquet/tmdb_movies/dt=2026-1-5/part-0.parquet", /dt=2026-1-5.*not zero-padded/],
    ["Trusted/Local/Parquet/Movies/part-0.parquet", /not lower snake case \("movies"\)/],
    ["Raw//x.csv", /empty folder name/],
  ])("explains %j", (key, sentence) => {
    expect(explainKeyProblem(key)).toMatch(sentence);
  });

  it.each([
    "Raw/Local/CSV/Movies/2026/01/05/movies.csv",
    "Raw/TMDB/JSON/2026/01/05/movies-0001.json",
    "Trusted/TMDB/Parquet/tmdb_movies/dt=2026-01-05/part-0.parquet",
    "Refined/dim_genre/part-0.parquet",
    "notes/readme.md",
    "_catalog/tables.json",
  ])("has nothing to say about %j", (key) => {
    expect(explainKeyProblem(key)).toBeUndefined();
  });
});
