import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../../pipeline/engine";
import { openDuckDB, runSpark, sparkValue, translated } from "./spark-on-duckdb";

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDB();
});
afterAll(() => engine.close());

describe("date functions", () => {
  it("to_date with a Java pattern parses with the matching strptime format; a mismatch is NULL", async () => {
    expect(translated("SELECT to_date(s, 'dd/MM/yyyy')")).toBe(
      "SELECT CAST(try_strptime(s, '%d/%m/%Y') AS DATE)",
    );
    expect(await sparkValue(engine, "to_date('05/01/2024', 'dd/MM/yyyy')")).toBe("2024-01-05");
    expect(await sparkValue(engine, "to_date('2024-01-05')")).toBe("2024-01-05");
    expect(await sparkValue(engine, "to_date('not a date', 'yyyy-MM-dd')")).toBeNull();
    expect(await sparkValue(engine, "to_timestamp('2024-01-05 10:11:12', 'yyyy-MM-dd HH:mm:ss')")).toBe(
      "2024-01-05T10:11:12",
    );
  });

  it("datediff(end, start) counts days from start to end", async () => {
    expect(await sparkValue(engine, "datediff('2009-07-31', '2009-07-30')")).toBe(1);
    expect(await sparkValue(engine, "datediff('2009-07-30', '2009-07-31')")).toBe(-1);
  });

  it("date_add, date_sub, add_months (clamped to the month's end) give dates", async () => {
    const rows = await runSpark(
      engine,
      "SELECT date_add('2016-07-30', 1) AS a, date_sub('2016-07-30', 1) AS s, add_months('2016-08-31', 1) AS m, last_day('2024-02-10') AS l",
    );
    expect(rows).toEqual([{ a: "2016-07-31", s: "2016-07-29", m: "2016-09-30", l: "2024-02-29" }]);
  });

  it("parts of a date, Spark's numbering (dayofweek 1 = Sunday)", async () => {
    const rows = await runSpark(
      engine,
      `SELECT year('2009-07-30') AS y, month('2009-07-30') AS m, dayofmonth('2009-07-30') AS d, day('2009-07-30') AS d2,
        quarter('2016-08-31') AS q, dayofweek('2009-07-30') AS dow, hour('2009-07-30 12:58:59') AS h,
        EXTRACT(YEAR FROM DATE '2019-08-12') AS ey, floor(year('1987-05-01') / 10) * 10 AS decade`,
    );
    expect(rows).toEqual([{ y: 2009, m: 7, d: 30, d2: 30, q: 3, dow: 5, h: 12, ey: 2019, decade: 1980 }]);
  });

  it("date_format writes with the Java pattern", async () => {
    expect(await sparkValue(engine, "date_format('2016-04-08', 'y')")).toBe("2016");
    expect(await sparkValue(engine, "date_format('2024-01-05 13:04:05', 'dd/MM/yyyy HH:mm')")).toBe(
      "05/01/2024 13:04",
    );
    expect(await sparkValue(engine, "date_format(DATE '2024-01-05', 'MMM yyyy')")).toBe("Jan 2024");
  });

  it("current_date with or without parentheses", async () => {
    expect(translated("SELECT current_date, current_date()")).toBe("SELECT current_date, current_date");
    expect(await sparkValue(engine, "current_date() = current_date")).toBe(true);
  });
});
