import { describe, expect, it } from "vitest";
import { LakebookError } from "../../../../pipeline/contract";
import { parseChecksSettings } from "../../../../pipeline/stages/checks";

const cell = (source: string) => ({ id: "model_checks", source });

function problem(source: string): LakebookError {
  try {
    parseChecksSettings(cell(source));
  } catch (error) {
    if (error instanceof LakebookError) return error;
    throw error;
  }
  throw new Error("no problem reported");
}

describe("parseChecksSettings", () => {
  it("reads every expectation kind into ExpectationSpecs", () => {
    const specs = parseChecksSettings(
      cell(
        [
          "checks:",
          "  - table: refined.fact_title_genre",
          "    notNull: [title_id, genre_id]",
          "    unique: [[title_id, genre_id]]",
          "    rowCount: {min: 1, max: 5000000}",
          "    references:",
          "      - {columns: [genre_id], table: refined.dim_genre, refColumns: [genre_id]}",
          "  - table: refined.dim_genre",
          "    unique: [genre_id]",
          "    acceptedValues:",
          "      - column: source",
          "        values: [imdb, tmdb]",
        ].join("\n"),
      ),
    );
    expect(specs).toEqual([
      {
        table: "refined.fact_title_genre",
        notNull: ["title_id", "genre_id"],
        unique: [["title_id", "genre_id"]],
        rowCount: { min: 1, max: 5000000 },
        references: [{ columns: ["genre_id"], table: "refined.dim_genre", refColumns: ["genre_id"] }],
      },
      {
        table: "refined.dim_genre",
        unique: [["genre_id"]],
        acceptedValues: [{ column: "source", values: ["imdb", "tmdb"] }],
      },
    ]);
  });

  it("names the cell, the field and what was expected", () => {
    const error = problem("checks:\n  - table: fact_title\n    notNull: [id]");
    expect(error.code).toBe("CHECK_SETTINGS_INVALID");
    expect(error.message).toBe(
      'Check cell "model_checks": "checks[1].table" must be a table written database.table, e.g. refined.fact_title (found "fact_title").',
    );
  });

  it("points into nested lists", () => {
    expect(
      problem(
        "checks:\n  - table: refined.f\n    references:\n      - {columns: [a], table: refined.d, refColumns: [a, b]}",
      ).message,
    ).toContain('"checks[1].references[1]" needs as many refColumns as columns');
    expect(problem("checks:\n  - table: refined.f\n    rowCount: {min: -1}").message).toContain(
      '"checks[1].rowCount.min" must be a whole number ≥ 0 (found -1)',
    );
    expect(problem("checks:\n  - table: refined.f\n    rowCount: {}").message).toContain(
      "needs min, max or both",
    );
    expect(problem("checks:\n  - table: refined.f\n    notNull: title_id").message).toContain(
      '"checks[1].notNull" must be a list of column names',
    );
  });

  it("names unknown fields with the fields allowed at that place", () => {
    expect(problem("checks:\n  - table: refined.f\n    not_null: [a]").message).toContain(
      'checks[1]: unknown field "not_null"; the fields are table, notNull, unique, acceptedValues, rowCount, references.',
    );
    expect(
      problem("checks:\n  - table: refined.f\n    acceptedValues: [{column: a, values: [x], value: [x]}]")
        .message,
    ).toContain('unknown field "value"; the fields are column, values.');
    expect(problem("checks: [{table: refined.f, notNull: [a]}]\ntables: []").message).toContain(
      'unknown field "tables"',
    );
  });

  it("reports YAML errors, an empty cell and an empty list", () => {
    expect(problem("checks: [").message).toMatch(/not valid YAML/);
    expect(problem("").message).toMatch(/"checks"/);
    expect(problem("checks: []").message).toMatch(/"checks"/);
    expect(problem("checks: [{table: refined.f}]").message).toContain(
      '"checks[1]" lists no expectations for refined.f',
    );
  });
});
