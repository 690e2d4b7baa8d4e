import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../../pipeline/engine";

/** Every value goes through the real path: DuckDB → __results table → page → JSON. */
let engine: Engine;
beforeAll(async () => {
  engine = await Engine.open({ threads: 1, memoryLimit: "512MB" });
});
afterAll(() => engine.close());

async function one(expression: string): Promise<{ value: unknown; type: string | undefined }> {
  const result = await engine.query(`SELECT ${expression} AS v`);
  await engine.release(result.resultId);
  return { value: result.rows[0]?.v, type: result.columns[0]?.type };
}

describe("DuckDB values → JSON", () => {
  it.each([
    ["42::BIGINT", 42, "BIGINT"],
    ["9007199254740991::BIGINT", 9007199254740991, "BIGINT"],
    ["-9007199254740991::BIGINT", -9007199254740991, "BIGINT"],
    ["9007199254740992::BIGINT", "9007199254740992", "BIGINT"],
    ["(-9223372036854775808)::BIGINT", "-9223372036854775808", "BIGINT"],
    ["18446744073709551615::UBIGINT", "18446744073709551615", "UBIGINT"],
    ["42::HUGEINT", 42, "HUGEINT"],
    [
      "170141183460469231731687303715884105727::HUGEINT",
      "170141183460469231731687303715884105727",
      "HUGEINT",
    ],
    ["12.50::DECIMAL(10,2)", 12.5, "DECIMAL(10,2)"],
    ["-0.001::DECIMAL(18,3)", -0.001, "DECIMAL(18,3)"],
    ["123456789012345678901234567.1::DECIMAL(38,1)", "123456789012345678901234567.1", "DECIMAL(38,1)"],
    ["2147483647::INTEGER", 2147483647, "INTEGER"],
    ["1.5::FLOAT", 1.5, "FLOAT"],
    ["'NaN'::DOUBLE", "NaN", "DOUBLE"],
    ["'Infinity'::DOUBLE", "Infinity", "DOUBLE"],
    ["'-Infinity'::DOUBLE", "-Infinity", "DOUBLE"],
    ["true", true, "BOOLEAN"],
    ["'horror'", "horror", "VARCHAR"],
    ["DATE '2026-01-05'", "2026-01-05", "DATE"],
    ["TIMESTAMP '2026-01-05 03:04:05'", "2026-01-05T03:04:05", "TIMESTAMP"],
    ["TIMESTAMP '2026-01-05 03:04:05.123456'", "2026-01-05T03:04:05.123456", "TIMESTAMP"],
    ["TIMESTAMP_NS '2026-01-05 03:04:05.123456789'", "2026-01-05T03:04:05.123456789", "TIMESTAMP_NS"],
    ["TIMESTAMPTZ '2026-01-05 03:04:05+02'", "2026-01-05T01:04:05Z", "TIMESTAMP WITH TIME ZONE"],
    ["'infinity'::TIMESTAMP", "infinity", "TIMESTAMP"],
    ["TIME '13:45:00'", "13:45:00", "TIME"],
    ["INTERVAL 90 MINUTE", "01:30:00", "INTERVAL"],
    ["'00000000-0000-0000-0000-000000000001'::UUID", "00000000-0000-0000-0000-000000000001", "UUID"],
    ["'\\xDE\\xAD'::BLOB", "3q0=", "BLOB"],
    ["'ab'::BLOB", "YWI=", "BLOB"],
    ["[1, NULL, 3]", [1, null, 3], "INTEGER[]"],
    ["['Horror', 'Mystery']", ["Horror", "Mystery"], "VARCHAR[]"],
    ["[9007199254740993]::BIGINT[]", ["9007199254740993"], "BIGINT[]"],
    ["[1, 2, 3]::INTEGER[3]", [1, 2, 3], "INTEGER[3]"],
    [
      "{'title': 'Alien', 'year': 1979, 'genres': ['Horror']}",
      { title: "Alien", year: 1979, genres: ["Horror"] },
      'STRUCT("title" VARCHAR, "year" INTEGER, "genres" VARCHAR[])',
    ],
    [
      "MAP {'budget': 11000000, 'revenue': 104931801}",
      [
        { key: "budget", value: 11000000 },
        { key: "revenue", value: 104931801 },
      ],
      "MAP(VARCHAR, INTEGER)",
    ],
    ["'GOOSE'::ENUM('DUCK', 'GOOSE')", "GOOSE", "ENUM('DUCK', 'GOOSE')"],
    ["NULL::INTEGER", null, "INTEGER"],
    ["NULL", null, "INTEGER"],
  ])("%s → %j", async (expression, expected, type) => {
    expect(await one(expression)).toEqual({ value: expected, type });
  });

  it("keeps repeated column names apart", async () => {
    const result = await engine.query("SELECT 1 AS a, 2 AS a");
    expect(result.columns.map((c) => c.name)).toEqual(["a", "a:1"]);
    expect(result.rows).toEqual([{ a: 1, "a:1": 2 }]);
  });

  it("turns every type DuckDB has (test_all_types) into JSON that round-trips", async () => {
    const result = await engine.query("FROM test_all_types()");
    expect(result.rowCount).toBe(3);
    expect(result.columns.length).toBeGreaterThan(50);
    expect(JSON.parse(JSON.stringify(result.rows))).toEqual(result.rows);
    const hasNonJson = (value: unknown): boolean =>
      typeof value === "bigint" ||
      value === undefined ||
      (typeof value === "number" && !Number.isFinite(value)) ||
      (typeof value === "object" && value !== null && Object.values(value).some(hasNonJson));
    expect(result.rows.some(hasNonJson)).toBe(false);
    expect(result.rows[2]).toEqual(Object.fromEntries(result.columns.map((c) => [c.name, null])));
  });

  it("streams the same values it pages", async () => {
    const sql = "SELECT 9007199254740993::BIGINT AS big, DATE '2026-01-05' AS day, 'ab'::BLOB AS bytes";
    const paged = await engine.query(sql);
    const streamed = [];
    for await (const chunk of engine.stream(sql)) streamed.push(...chunk.rows);
    expect(streamed).toEqual(paged.rows);
    expect(streamed).toEqual([{ big: "9007199254740993", day: "2026-01-05", bytes: "YWI=" }]);
  });
});
