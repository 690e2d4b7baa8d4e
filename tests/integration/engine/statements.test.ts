import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../../pipeline/engine";

let engine: Engine;
let folder: string;
beforeAll(async () => {
  engine = await Engine.open({ threads: 1 });
  folder = await mkdtemp(path.join(tmpdir(), "lakebook-engine-"));
});
afterAll(async () => {
  await engine.close();
  await rm(folder, { recursive: true, force: true });
});

describe("statements that return no rows", () => {
  it.each([
    ["CREATE TABLE genres (id INTEGER, name VARCHAR)"],
    ["INSERT INTO genres VALUES (27, 'Horror'), (9648, 'Mystery')"],
    ["UPDATE genres SET name = 'Horror' WHERE id = 27"],
    ["CREATE VIEW horror AS SELECT * FROM genres WHERE id = 27"],
    ["SET threads = 1"],
  ])("%s → rowCount 0, no columns", async (sql) => {
    const result = await engine.query(sql);
    expect(result).toMatchObject({ rowCount: 0, columns: [], rows: [] });
    expect(await engine.page(result.resultId, 0, 10)).toEqual([]);
  });

  it("COPY writes its file and returns rowCount 0", async () => {
    const file = path.join(folder, "genres.parquet").replaceAll("'", "''");
    const result = await engine.query(`COPY (SELECT 1 AS id) TO '${file}' (FORMAT parquet)`);
    expect(result.rowCount).toBe(0);
    expect((await stat(path.join(folder, "genres.parquet"))).size).toBeGreaterThan(0);
  });

  it("blank or comment-only SQL is an empty result, not an error", async () => {
    for (const sql of ["", "   \n", "-- nothing to run", "/* still nothing */ ;"]) {
      expect(await engine.query(sql)).toMatchObject({ rowCount: 0, columns: [], rows: [] });
    }
  });
});

describe("statements that return rows", () => {
  it("runs every statement and returns the last one's rows", async () => {
    const result = await engine.query(`
      CREATE TABLE votes AS SELECT * FROM (VALUES ('tt0078748', 900000), ('tt0081505', 1100000)) v(id, votes);
      INSERT INTO votes VALUES ('tt0070047', 430000);
      SELECT id, votes FROM votes ORDER BY votes DESC;`);
    expect(result.rowCount).toBe(3);
    expect(result.rows.map((row) => row.id)).toEqual(["tt0081505", "tt0078748", "tt0070047"]);
  });

  it("INSERT … RETURNING, EXPLAIN, SHOW and CALL return their rows", async () => {
    const inserted = await engine.query("INSERT INTO votes VALUES ('tt1457767', 560000) RETURNING id");
    expect(inserted.rows).toEqual([{ id: "tt1457767" }]);
    expect((await engine.query("EXPLAIN SELECT * FROM votes")).columns.map((c) => c.name)).toEqual([
      "explain_key",
      "explain_value",
    ]);
    expect((await engine.query("SHOW TABLES")).rows).toContainEqual({ name: "votes" });
    expect((await engine.query("CALL pragma_version()")).rowCount).toBe(1);
  });

  it("a failing statement stops the script; the ones before it stay applied", async () => {
    await expect(
      engine.query(
        "CREATE TABLE before_failure (x INTEGER); SELECT * FROM no_such_table; CREATE TABLE after (x INTEGER)",
      ),
    ).rejects.toMatchObject({ code: "SQL_CATALOG" });
    expect((await engine.query("SELECT count(*) AS n FROM before_failure")).rows).toEqual([{ n: 0 }]);
    await expect(engine.query("SELECT * FROM after")).rejects.toMatchObject({ code: "SQL_CATALOG" });
  });

  it("each call is its own session: TEMP tables do not carry over, regular tables do", async () => {
    await engine.run("CREATE TEMP TABLE scratch AS SELECT 1 AS x; CREATE TABLE kept AS SELECT 1 AS x");
    await expect(engine.query("SELECT * FROM scratch")).rejects.toMatchObject({ code: "SQL_CATALOG" });
    expect((await engine.query("SELECT * FROM kept")).rows).toEqual([{ x: 1 }]);
  });
});

describe("run", () => {
  it("executes statements for their effect and discards rows", async () => {
    await expect(
      engine.run("CREATE TABLE ran AS SELECT 42 AS answer; SELECT * FROM ran"),
    ).resolves.toBeUndefined();
    expect((await engine.query("SELECT answer FROM ran")).rows).toEqual([{ answer: 42 }]);
  });

  it("maps errors like query does", async () => {
    await expect(engine.run("CREATE TABLE (")).rejects.toMatchObject({ code: "SQL_PARSE" });
  });
});

describe("a closed engine", () => {
  it("refuses work with ENGINE_CLOSED, and closing twice is fine", async () => {
    const closing = await Engine.open({ threads: 1 });
    await closing.close();
    await closing.close();
    expect(closing.isClosed).toBe(true);
    await expect(closing.query("SELECT 1")).rejects.toMatchObject({ code: "ENGINE_CLOSED" });
    await expect(closing.run("SELECT 1")).rejects.toMatchObject({ code: "ENGINE_CLOSED" });
    await expect(closing.page("r", 0, 1)).rejects.toMatchObject({ code: "ENGINE_CLOSED" });
  });
});
