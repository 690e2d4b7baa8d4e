import { describe, expect, it } from "vitest";
import { LakebookError } from "../../../../pipeline/contract";
import { ingestDependencies, parseIngestSettings } from "../../../../pipeline/stages/ingest";

const cell = (source: string) => ({ id: "ingest_movies", source });

function problem(source: string): LakebookError {
  try {
    parseIngestSettings(cell(source));
  } catch (error) {
    expect(error).toBeInstanceOf(LakebookError);
    expect((error as LakebookError).code).toBe("INGEST_SETTINGS_INVALID");
    expect((error as LakebookError).hint).toBeTruthy();
    return error as LakebookError;
  }
  throw new Error(`settings were accepted: ${source}`);
}

describe("ingest cell settings", () => {
  it("reads dataset, file and date", () => {
    expect(parseIngestSettings(cell("dataset: movies\nfile: data/movies.csv\ndate: 2026-01-05\n"))).toEqual({
      dataset: "movies",
      files: ["data/movies.csv"],
      date: { year: 2026, month: 1, day: 5 },
    });
  });

  it("accepts a list of files and leaves the dataset and date out", () => {
    expect(parseIngestSettings(cell("files:\n  - data/movies.csv\n  - data/more movies.csv\n"))).toEqual({
      files: ["data/movies.csv", "data/more movies.csv"],
    });
    expect(parseIngestSettings(cell('file: "data/ação.csv"  # the file name is kept'))).toEqual({
      files: ["data/ação.csv"],
    });
  });

  it.each([
    ["dataset: films\nfile: a.csv", '"dataset" must be movies or series (found "films").'],
    ["dataset: Movies\nfile: a.csv", '"dataset" must be movies or series (found "Movies").'],
    ["dataset: movies", '"file" is missing: name the CSV file to ingest.'],
    ["", '"file" is missing: name the CSV file to ingest.'],
    ["file: a.csv\nfiles: [b.csv]", 'give either "file" or "files", not both.'],
    ["file: ''", '"file" must be a path to a CSV file, e.g. data/movies.csv (found "").'],
    ["file: [a.csv]", '"file" must be a path to a CSV file, e.g. data/movies.csv (found ["a.csv"]).'],
    ["files: []", '"files" lists no files: name at least one CSV file.'],
    [
      "files: data/movies.csv",
      '"files" must be a list of paths, e.g. [data/movies.csv] (found "data/movies.csv").',
    ],
    ["files: [a.csv, 3]", '"files" item 2 must be a path to a CSV file (found 3).'],
    [
      "file: a.csv\ndate: 2026-1-5",
      '"date": The date "2026-1-5" is not zero-padded: expected 2026-01-05 (YYYY-MM-DD).',
    ],
    ["file: a.csv\ndate: 2026-02-30", '"date": "2026-02-30" is not a real calendar date.'],
    [
      "file: a.csv\ndate: 20260105",
      '"date" must be a date written YYYY-MM-DD, e.g. 2026-01-05 (found 20260105).',
    ],
    ["file: a.csv\nsep: ','", 'unknown field "sep"; the fields are dataset, file, files, date, profile.'],
    ["- a.csv", "the settings must be a YAML mapping of field: value."],
  ])("explains %j by its field", (source, message) => {
    expect(problem(source).message).toBe(`Ingest cell "ingest_movies": ${message}`);
  });

  it("names the line of a YAML syntax error", () => {
    expect(problem("file: a.csv\nfile: b.csv").message).toBe(
      'Ingest cell "ingest_movies": the settings are not valid YAML (line 2): Map keys must be unique',
    );
  });

  it("tells which raw table the cell writes, without running it", () => {
    expect(ingestDependencies(cell("dataset: series\nfile: data/x.csv"))).toEqual({
      reads: [],
      writes: ["raw.series"],
    });
    expect(ingestDependencies(cell("files: [data/movies.csv, data/series.csv]"))).toEqual({
      reads: [],
      writes: ["raw.movies", "raw.series"],
    });
    expect(ingestDependencies(cell("file: data/export.csv"))).toEqual({ reads: [], writes: [] });
    expect(ingestDependencies(cell("dataset: [broken"))).toEqual({ reads: [], writes: [] });
  });
});
