import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../../pipeline/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await Engine.open({ threads: 2 });
});
afterAll(() => engine.close());

describe("stream", () => {
  it("yields the rows chunk by chunk, in order, with the columns on every chunk", async () => {
    const sizes: number[] = [];
    const values: unknown[] = [];
    for await (const chunk of engine.stream("SELECT range AS n, range::VARCHAR AS s FROM range(100000)")) {
      expect(chunk.columns).toEqual([
        { name: "n", type: "BIGINT" },
        { name: "s", type: "VARCHAR" },
      ]);
      for (const row of chunk.rows) values.push(row.n, row.s);
      sizes.push(chunk.rows.length);
    }
    expect(values).toEqual(Array.from({ length: 100_000 }, (_, n) => [n, String(n)]).flat());
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2048);
  });

  it("yields nothing for statements without rows, after running them all", async () => {
    const chunks = [];
    for await (const chunk of engine.stream(
      "CREATE TABLE streamed AS SELECT 1 AS x; INSERT INTO streamed VALUES (2)",
    )) {
      chunks.push(chunk);
    }
    expect(chunks).toEqual([]);
    expect((await engine.query("SELECT count(*) AS n FROM streamed")).rows).toEqual([{ n: 2 }]);
  });

  it("stops cleanly when the reader stops early", async () => {
    let seen = 0;
    for await (const chunk of engine.stream("SELECT * FROM range(10000000)")) {
      seen += chunk.rows.length;
      if (seen >= 4096) break;
    }
    expect(seen).toBe(4096);
    expect((await engine.query("SELECT 42 AS answer")).rows).toEqual([{ answer: 42 }]);
  });

  it("reports errors as LakebookErrors", async () => {
    const consume = async () => {
      for await (const _ of engine.stream("SELECT * FROM nowhere")) {
        // nothing: the first step fails
      }
    };
    await expect(consume()).rejects.toMatchObject({ code: "SQL_CATALOG" });
  });
});
