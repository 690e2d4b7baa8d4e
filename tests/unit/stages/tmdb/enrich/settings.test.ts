import { describe, expect, it } from "vitest";
import { LakebookError } from "../../../../../pipeline/contract";
import { DEFAULT_FIELDS } from "../../../../../pipeline/stages/tmdb/enrich";
import { DEFAULT_SELECT, parseTmdbSettings } from "../../../../../pipeline/stages/tmdb/settings";

const cell = (source: string) => ({ id: "tmdb", source });

function problem(source: string): string {
  try {
    parseTmdbSettings(cell(source));
  } catch (error) {
    expect(error).toBeInstanceOf(LakebookError);
    expect((error as LakebookError).code).toBe("TMDB_SETTINGS_INVALID");
    expect((error as LakebookError).hint).toBeTruthy();
    return (error as LakebookError).message.replace('TMDB cell "tmdb": ', "");
  }
  throw new Error(`settings were accepted: ${source}`);
}

describe("TMDB cell settings", () => {
  it("defaults every field", () => {
    expect(parseTmdbSettings(cell(""))).toEqual({
      select: DEFAULT_SELECT,
      fields: [...DEFAULT_FIELDS],
      requestsPerSecond: 40,
      concurrency: 8,
      name: "tmdb",
    });
  });

  it("reads every field, with TV spellings of field names and discover filters as text", () => {
    const settings = parseTmdbSettings(
      cell(
        [
          "select: SELECT id FROM raw.movies",
          "fields: [budget, name, first_air_date, budget]",
          "requestsPerSecond: 10.5",
          "concurrency: 2",
          "date: 2026-01-05",
          "name: horror_2",
          "discover: { primary_release_date.gte: 2000-01-01, vote_count.gte: 50, maxPages: 3 }",
        ].join("\n"),
      ),
    );
    expect(settings).toEqual({
      select: "SELECT id FROM raw.movies",
      fields: ["budget", "title", "release_date"],
      requestsPerSecond: 10.5,
      concurrency: 2,
      date: { year: 2026, month: 1, day: 5 },
      name: "horror_2",
      discover: {
        filters: { "primary_release_date.gte": "2000-01-01", "vote_count.gte": "50", with_genres: "27" },
        maxPages: 3,
      },
    });
  });

  it.each([
    ["select: ''", '"select" must be SQL returning a column id of IMDb ids (found "").'],
    ["fields: []", '"fields" lists no fields: leave it out for the default set.'],
    ["fields: budget", '"fields" must be a list of field names, e.g. [budget, revenue] (found "budget").'],
    ["fields: [budget, boxoffice]", '"fields" item 2 ("boxoffice") is not a TMDB field Lakebook keeps.'],
    ["fields: [budget, 3]", '"fields" item 2 must be a name (found 3).'],
    [
      "requestsPerSecond: 0",
      '"requestsPerSecond" must be a number above 0 and at most 1000, e.g. 40 (found 0).',
    ],
    [
      "requestsPerSecond: fast",
      '"requestsPerSecond" must be a number above 0 and at most 1000, e.g. 40 (found "fast").',
    ],
    ["concurrency: 2.5", '"concurrency" must be a whole number from 1 to 64, e.g. 8 (found 2.5).'],
    ["concurrency: 100", '"concurrency" must be a whole number from 1 to 64, e.g. 8 (found 100).'],
    ["date: 2026-1-5", '"date": The date "2026-1-5" is not zero-padded: expected 2026-01-05 (YYYY-MM-DD).'],
    [
      "name: Horror Films",
      '"name" must be lower case letters, digits, - or _ (at most 64), e.g. tmdb (found "Horror Films").',
    ],
    [
      "name: ../x",
      '"name" must be lower case letters, digits, - or _ (at most 64), e.g. tmdb (found "../x").',
    ],
    ["discover: { maxPages: 501 }", '"discover.maxPages" must be a whole number from 1 to 500 (found 501).'],
    [
      "discover: { with_genres: [27] }",
      '"discover.with_genres" must be a text, number or true/false (found [27]).',
    ],
    [
      "discover: 27",
      '"discover" must be a mapping of TMDB filters, e.g. { with_genres: 27, maxPages: 5 } (found 27).',
    ],
    [
      "api_key: abc",
      'unknown field "api_key"; the fields are select, sample, fields, requestsPerSecond, concurrency, date, name, discover, lambda.',
    ],
    ["- a\n- b", "the settings must be a YAML mapping of field: value."],
    ["select: [", "the settings are not valid YAML (line 1): "],
  ])("refuses %j", (source, message) => {
    expect(problem(source)).toContain(message);
  });
});
