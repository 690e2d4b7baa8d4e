import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LakebookError } from "../../../../pipeline/contract";
import { sqlStage } from "../../../../pipeline/stages/sql";
import { type IngestBench, ingestBench } from "../ingest/helpers";

/**
 * The demo's SQL was DuckDB dialect; it is now text both DuckDB and Athena read. On DuckDB the new
 * text gives exactly the old results, and on an aws target DuckDB-only text is refused before it
 * is sent, with the place for the editor.
 */
let bench: IngestBench;
beforeEach(async () => {
  bench = await ingestBench();
  await bench.engine.run(`CREATE SCHEMA raw; CREATE TABLE raw.movies AS SELECT * FROM (VALUES
    ('tt1', '1979', '8.5', 'Horror,Sci-Fi'), ('tt1', '1979', '8.5', 'Horror,Sci-Fi'),
    ('tt2', '1975', '8.1', 'Adventure,Thriller'), ('tt3', '2019', '6.8', 'Horror,Mystery'),
    ('tt4', '2022', NULL, 'Mystery'), ('tt5', NULL, '5.0', 'Horror'), ('tt6', '1931', '7.4', 'Drama,Horror')
  ) AS t(id, anoLancamento, notaMedia, genero)`);
});
afterEach(async () => {
  await bench.close();
});

const rows = async (sql: string) => (await bench.engine.query(sql)).rows;
const HORROR = `WITH horror_titles AS (
  SELECT DISTINCT id, CAST(anoLancamento AS INTEGER) AS year, CAST(notaMedia AS DOUBLE) AS rating
  FROM raw.movies
  WHERE genero LIKE '%Horror%'
)`;

describe("the demo's SQL in the dialect DuckDB and Athena share", () => {
  it("horror_by_decade: year - year % 10 and GROUP BY 1 give what year // 10 and GROUP BY decade gave", async () => {
    const before = await rows(`${HORROR}
SELECT (year // 10) * 10 AS decade, count(*) AS titles, round(avg(rating), 2) AS avg_rating
FROM horror_titles GROUP BY decade ORDER BY decade`);
    const after = await rows(`${HORROR}
SELECT year - year % 10 AS decade, count(*) AS titles, round(avg(rating), 2) AS avg_rating
FROM horror_titles GROUP BY 1 ORDER BY decade`);
    expect(after).toEqual(before);
    expect(after.length).toBeGreaterThan(2);
  });

  it("the TMDB select: contains(split(…)) finds the titles list_has_any(string_split(…)) found", async () => {
    const before = await rows(
      "SELECT DISTINCT id FROM raw.movies WHERE list_has_any(string_split(genero, ','), ['Horror', 'Mystery']) ORDER BY id",
    );
    const after = await rows(
      "SELECT DISTINCT id FROM raw.movies WHERE contains(split(genero, ','), 'Horror') OR contains(split(genero, ','), 'Mystery') ORDER BY id",
    );
    expect(after).toEqual(before);
    expect(after.map((row) => row.id)).toEqual(["tt1", "tt3", "tt4", "tt5", "tt6"]);
  });

  it("on an aws target a DuckDB-only cell is refused before Athena, at its line and column", async () => {
    const context = bench.context({ target: { kind: "aws", bucket: "lake", region: "eu-west-1" } });
    const cell = {
      id: "by_decade",
      kind: "sql" as const,
      attrs: [],
      source: "SELECT year,\n  year // 10 AS d FROM raw.movies",
    };
    const error = (await sqlStage.run(cell, context).catch((thrown: unknown) => thrown)) as LakebookError;
    expect(error.code).toBe("SQL_NOT_ATHENA");
    expect(error.at).toEqual({ line: 2, column: 8 });
    expect(error.message).toContain("line 2, col 8: // is DuckDB's");
    expect(error.hint).toContain("year - year % 10");
  });
});
