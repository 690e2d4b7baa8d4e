import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Row } from "../../../../pipeline/contract";
import { LakebookError } from "../../../../pipeline/contract";
import { Engine } from "../../../../pipeline/engine";
import {
  type CheckResult,
  checkQueries,
  checksSummary,
  type ExpectationSpec,
  formatCheckReport,
  runChecks,
} from "../../../../pipeline/stages/checks";

let engine: Engine;
const runQuery = async (sql: string) => {
  const rows: Row[] = [];
  for await (const chunk of engine.stream(sql)) rows.push(...chunk.rows);
  return rows;
};

beforeAll(async () => {
  engine = await Engine.open({ threads: 1, memoryLimit: "512MB" });
  await engine.run(`
    CREATE SCHEMA refined;
    CREATE TABLE refined.dim_genre (genre_id INTEGER, genre VARCHAR, source VARCHAR);
    INSERT INTO refined.dim_genre VALUES (1, 'Horror', 'imdb'), (2, 'Mystery', 'tmdb'), (3, 'Thriller', 'imdb');
    CREATE TABLE refined.dim_title (title_id VARCHAR, title VARCHAR, role VARCHAR);
    INSERT INTO refined.dim_title VALUES
      ('tt01', 'Alien', 'actor'), ('tt02', 'Us', 'actress'), ('tt03', 'It', 'actor'),
      ('tt03', 'It (again)', 'director'), (NULL, 'No id', 'actress'), ('tt04', 'The Ring', 'Actor');
    CREATE TABLE refined.fact_title_genre (title_id VARCHAR, genre_id INTEGER, votes BIGINT);
    INSERT INTO refined.fact_title_genre VALUES
      ('tt01', 1, 100), ('tt02', 1, 50), ('tt02', 2, 50), ('tt03', 9, 10), ('tt03', 9, 5), ('tt09', 1, 1),
      ('tt04', NULL, 7);
  `);
});
afterAll(async () => engine.close());

async function one(spec: ExpectationSpec): Promise<CheckResult> {
  const results = await runChecks(spec, runQuery);
  expect(results).toHaveLength(1);
  return results[0] as CheckResult;
}

describe("each check kind on real DuckDB", () => {
  it("not null: passes, and fails with the null rows as samples", async () => {
    expect(await one({ table: "refined.dim_genre", notNull: ["genre"] })).toMatchObject({
      status: "pass",
      failing: 0,
      samples: [],
      check: "genre is not null",
    });
    expect(await one({ table: "refined.dim_title", notNull: ["title_id"] })).toMatchObject({
      kind: "not_null",
      status: "fail",
      failing: 1,
      samples: [{ title_id: null, title: "No id", role: "actress" }],
    });
  });

  it("unique: a single column and a column set, repeated values with their row counts", async () => {
    expect((await one({ table: "refined.dim_genre", unique: [["genre_id"]] })).status).toBe("pass");
    expect(await one({ table: "refined.dim_title", unique: [["title_id"]] })).toMatchObject({
      status: "fail",
      failing: 2,
      samples: [{ title_id: "tt03", rows: 2 }],
      check: "title_id is unique",
    });
    expect(
      await one({ table: "refined.fact_title_genre", unique: [["title_id", "genre_id"]] }),
    ).toMatchObject({
      status: "fail",
      failing: 2,
      samples: [{ title_id: "tt03", genre_id: 9, rows: 2 }],
      check: "(title_id, genre_id) is unique",
    });
  });

  it("accepted values: strings (case matters) and numbers; NULL is left to notNull", async () => {
    expect(
      await one({
        table: "refined.dim_genre",
        acceptedValues: [{ column: "source", values: ["imdb", "tmdb"] }],
      }),
    ).toMatchObject({ status: "pass" });
    expect(
      await one({
        table: "refined.dim_title",
        acceptedValues: [{ column: "role", values: ["actor", "actress"] }],
      }),
    ).toMatchObject({
      status: "fail",
      failing: 2,
      samples: [
        { role: "Actor", rows: 1 },
        { role: "director", rows: 1 },
      ],
    });
    expect(
      await one({
        table: "refined.fact_title_genre",
        acceptedValues: [{ column: "genre_id", values: [1, 2, 3] }],
      }),
    ).toMatchObject({ status: "fail", failing: 2, samples: [{ genre_id: 9, rows: 2 }] });
  });

  it("row count: within range passes; outside fails with the count", async () => {
    expect((await one({ table: "refined.dim_genre", rowCount: { min: 1, max: 3 } })).status).toBe("pass");
    expect(await one({ table: "refined.dim_genre", rowCount: { min: 10 } })).toMatchObject({
      status: "fail",
      failing: 1,
      samples: [{ rows: 3 }],
      check: "row count ≥ 10",
    });
    expect((await one({ table: "refined.dim_genre", rowCount: { max: 2 } })).status).toBe("fail");
  });

  it("references: a fact key missing from its dimension fails with the orphan keys", async () => {
    const result = await one({
      table: "refined.fact_title_genre",
      references: [{ columns: ["genre_id"], table: "refined.dim_genre", refColumns: ["genre_id"] }],
    });
    expect(result).toMatchObject({
      kind: "references",
      status: "fail",
      failing: 2,
      samples: [{ genre_id: 9, rows: 2 }],
      check: "genre_id → refined.dim_genre.genre_id",
    });
    // The dimension's repeated tt03 must not multiply the count: tt09 is the one orphan row.
    expect(
      await one({
        table: "refined.fact_title_genre",
        references: [{ columns: ["title_id"], table: "refined.dim_title", refColumns: ["title_id"] }],
      }),
    ).toMatchObject({ status: "fail", failing: 1, samples: [{ title_id: "tt09", rows: 1 }] });
  });

  it("references pass when every key exists", async () => {
    await engine.run(
      "CREATE TABLE refined.fact_ok AS SELECT * FROM refined.fact_title_genre WHERE genre_id IN (1, 2)",
    );
    expect(
      (
        await one({
          table: "refined.fact_ok",
          references: [{ columns: ["genre_id"], table: "refined.dim_genre", refColumns: ["genre_id"] }],
        })
      ).status,
    ).toBe("pass");
  });

  it("keeps at most 5 samples while counting every failing row", async () => {
    await engine.run(
      "CREATE TABLE refined.many_nulls AS SELECT CAST(NULL AS INTEGER) AS x, i FROM range(12) t(i)",
    );
    const result = await one({ table: "refined.many_nulls", notNull: ["x"] });
    expect(result.failing).toBe(12);
    expect(result.samples).toHaveLength(5);
  });
});

describe("runChecks", () => {
  it("reports a query that cannot run as error and goes on with the others", async () => {
    const results = await runChecks(
      { table: "refined.dim_genre", notNull: ["no_such_column", "genre"], rowCount: { min: 1 } },
      runQuery,
    );
    expect(results.map((r) => r.status)).toEqual(["error", "pass", "pass"]);
    expect(results[0]?.error?.code).toBe("SQL_CATALOG");
    expect(checksSummary(results)).toBe("3 data checks: 2 passed, 1 could not run");
  });

  it("stops at a cancelled query", async () => {
    const cancelled = async () => {
      throw new LakebookError("CANCELLED", "The query was cancelled.");
    };
    await expect(
      runChecks({ table: "refined.dim_genre", notNull: ["genre"] }, cancelled),
    ).rejects.toMatchObject({
      code: "CANCELLED",
    });
  });

  it("formats a report with pass/fail per check and the failing samples", async () => {
    const results = await runChecks(
      {
        table: "refined.fact_title_genre",
        notNull: ["title_id"],
        references: [{ columns: ["genre_id"], table: "refined.dim_genre", refColumns: ["genre_id"] }],
      },
      runQuery,
    );
    expect(formatCheckReport(results)).toBe(
      [
        "refined.fact_title_genre",
        "  PASS  title_id is not null",
        "  FAIL  genre_id → refined.dim_genre.genre_id — 2 failing rows",
        '      {"genre_id":9,"rows":2}',
      ].join("\n"),
    );
  });
});

describe("the SQL runs on Athena too", () => {
  const spec: ExpectationSpec = {
    table: "refined.fact_title_genre",
    notNull: ["title_id"],
    unique: [["title_id", "genre_id"]],
    acceptedValues: [{ column: "source", values: ["imdb", "it's", 3, true] }],
    rowCount: { min: 1, max: 10 },
    references: [{ columns: ["genre_id"], table: "refined.dim_genre", refColumns: ["genre_id"] }],
  };

  it("uses no DuckDB-only syntax", () => {
    for (const { sql } of checkQueries(spec)) {
      expect(sql).not.toMatch(/::/);
      expect(sql).not.toMatch(/\blist_|\bstruct_|\bstring_agg\b|\bQUALIFY\b|\bEXCLUDE\b|\bCOLUMNS\(/i);
      expect(sql).not.toMatch(/\bFROM\s+'|read_(csv|parquet|json)/i);
      expect(sql).not.toMatch(/`/); // Trino quotes identifiers with ", never backticks
      expect(sql).not.toMatch(/\bILIKE\b|\bFILTER\s*\(/i);
    }
  });

  it("quotes identifiers and literals so names and values cannot break out", () => {
    const [query] = checkQueries({ table: 'refined.we"ird', notNull: ['col"umn'] });
    expect(query?.sql).toContain('FROM "refined"."we""ird"');
    expect(query?.sql).toContain('WHERE "col""umn" IS NULL');
    expect(checkQueries(spec)[2]?.sql).toContain("NOT IN ('imdb', 'it''s', 3, TRUE)");
  });

  it("refuses specs that cannot make a check", () => {
    expect(() => checkQueries({ table: "refined.t", rowCount: {} })).toThrow(/min, max or both/);
    expect(() => checkQueries({ table: "refined.t", rowCount: { min: 5, max: 1 } })).toThrow(/above max/);
    expect(() => checkQueries({ table: "refined.t", acceptedValues: [{ column: "c", values: [] }] })).toThrow(
      /no values/,
    );
    expect(() =>
      checkQueries({
        table: "refined.t",
        references: [{ columns: ["a", "b"], table: "refined.d", refColumns: ["a"] }],
      }),
    ).toThrow(/as many refColumns/);
    expect(() => checkQueries({ table: "a..b", notNull: ["c"] })).toThrow(/database\.table/);
  });
});
