import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../../pipeline/engine";

/** Runs for minutes unless interrupted: 10^14 row pairs, aggregated so nothing is returned early. */
const LONG_AGGREGATE = "SELECT sum(a.range * b.range) FROM range(100000000) a CROSS JOIN range(1000000) b";
/** Produces rows for minutes: cancelling it interrupts the copy into the result table. */
const LONG_ROWS = "SELECT a.range AS x, b.range AS y FROM range(1000000) a CROSS JOIN range(1000000) b";

let engine: Engine;
beforeAll(async () => {
  engine = await Engine.open({ threads: 2 });
});
afterAll(() => engine.close());

function abortSoon(ms = 150): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
}

async function resultTables(): Promise<number> {
  let count = 0;
  for await (const chunk of engine.stream(
    "SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = '__results'",
  )) {
    count += Number(chunk.rows[0]?.n);
  }
  return count;
}

describe("cancellation", () => {
  it("never loses a cancel that lands before DuckDB starts the query", async () => {
    // Aborting at every early moment: right away, after one tick, after a few milliseconds.
    for (const delay of [0, 0, 1, 2, 5, 10]) {
      const controller = new AbortController();
      const running = engine.query(LONG_AGGREGATE, { signal: controller.signal });
      if (delay === 0) queueMicrotask(() => controller.abort());
      else setTimeout(() => controller.abort(), delay);
      await expect(running).rejects.toMatchObject({ code: "CANCELLED" });
    }
  });

  it("interrupts a long query → CANCELLED, and the engine keeps working", async () => {
    await expect(engine.query(LONG_AGGREGATE, { signal: abortSoon() })).rejects.toMatchObject({
      code: "CANCELLED",
      retryable: true,
    });
    expect((await engine.query("SELECT 42 AS answer")).rows).toEqual([{ answer: 42 }]);
  });

  it("interrupts while rows are copied into the result table, leaving no table behind", async () => {
    const before = await resultTables();
    await expect(engine.query(LONG_ROWS, { signal: abortSoon() })).rejects.toMatchObject({
      code: "CANCELLED",
    });
    expect(await resultTables()).toBe(before);
  });

  it("an already aborted signal runs nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      engine.run("CREATE TABLE never AS SELECT 1", { signal: controller.signal }),
    ).rejects.toMatchObject({
      code: "CANCELLED",
    });
    await expect(engine.query("SELECT * FROM never")).rejects.toMatchObject({ code: "SQL_CATALOG" });
  });

  it("cancels run() and stream() too", async () => {
    await expect(
      engine.run(`CREATE TABLE big AS ${LONG_ROWS}`, { signal: abortSoon() }),
    ).rejects.toMatchObject({
      code: "CANCELLED",
    });
    await expect(engine.query("SELECT * FROM big")).rejects.toMatchObject({ code: "SQL_CATALOG" });

    const controller = new AbortController();
    const consume = async () => {
      let chunks = 0;
      for await (const _ of engine.stream(LONG_ROWS, { signal: controller.signal })) {
        chunks += 1;
        if (chunks === 3) controller.abort();
      }
    };
    await expect(consume()).rejects.toMatchObject({ code: "CANCELLED" });
  });

  it("stops only the cancelled query: another one running at the same time completes", async () => {
    const cancelled = engine.query(LONG_AGGREGATE, { signal: abortSoon(300) });
    const other = engine.query("SELECT count(*) AS n FROM range(20000000) WHERE range % 7 = 0");
    await expect(cancelled).rejects.toMatchObject({ code: "CANCELLED" });
    expect((await other).rows).toEqual([{ n: 2857143 }]);
  });
});

describe("closing the engine", () => {
  it("interrupts running queries and streams, which fail with ENGINE_CLOSED", async () => {
    const closing = await Engine.open({ threads: 2 });
    // Settled into values at once: they fail during close(), before the expectations below run.
    const aggregate = closing.query(LONG_AGGREGATE).catch((error: unknown) => error);
    const copying = closing.query(LONG_ROWS).catch((error: unknown) => error);
    const paused = closing.stream("SELECT * FROM range(100000)")[Symbol.asyncIterator]();
    await paused.next();
    await new Promise((resolve) => setTimeout(resolve, 150));
    await closing.close();
    expect(await aggregate).toMatchObject({ code: "ENGINE_CLOSED" });
    expect(await copying).toMatchObject({ code: "ENGINE_CLOSED" });
    await expect(paused.next()).rejects.toMatchObject({ code: "ENGINE_CLOSED" });
  });
});
