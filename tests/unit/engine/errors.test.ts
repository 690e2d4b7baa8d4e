import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LakebookError } from "../../../pipeline/contract/errors";
import { Engine, toEngineError } from "../../../pipeline/engine";

/** Errors as DuckDB really raises them, mapped by pipeline/engine/errors.ts. */
let engine: Engine;
beforeAll(async () => {
  engine = await Engine.open({ threads: 1, memoryLimit: "512MB" });
  await engine.run("CREATE SCHEMA trusted; CREATE TABLE trusted.movies (id VARCHAR, nota_media DOUBLE)");
});
afterAll(() => engine.close());

async function failure(sql: string): Promise<LakebookError> {
  const error = await engine.query(sql).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LakebookError);
  return error as LakebookError;
}

describe("engine errors", () => {
  it("syntax error → SQL_PARSE with line, column and the offending line", async () => {
    const error = await failure("SELECT 1;\nSELECT 2;\n  SELEC 3");
    expect(error.code).toBe("SQL_PARSE");
    expect(error.message).toBe('Syntax error at line 3, column 3: syntax error at or near "SELEC"');
    expect(error.hint).toBe("Check the SQL here:\n  SELEC 3\n  ^");
  });

  it("missing table → SQL_CATALOG, pointing at the cell that creates it and DuckDB's suggestion", async () => {
    const error = await failure("SELECT count(*)\nFROM movies");
    expect(error.code).toBe("SQL_CATALOG");
    expect(error.message).toBe("Table with name movies does not exist! (line 2, column 6)");
    expect(error.hint).toContain("run the cell that creates it");
    expect(error.hint).toContain("`lakebook catalog`");
    expect(error.hint).toContain("Did you mean trusted.movies?");
  });

  it("missing schema → SQL_CATALOG; system-table suggestions are left out", async () => {
    expect((await failure("SELECT * FROM refined.fact_rating")).code).toBe("SQL_CATALOG");
    expect((await failure("SELECT * FROM zzz")).hint).not.toContain("pg_");
  });

  it("missing column → SQL_CATALOG with the columns in scope", async () => {
    const error = await failure("SELECT notaMedia FROM trusted.movies");
    expect(error.code).toBe("SQL_CATALOG");
    expect(error.hint).toContain("nota_media");
  });

  it("bad cast → SQL_CONVERSION, reminding of the challenge's CSV null marker", async () => {
    const error = await failure("SELECT '\\N'::INTEGER");
    expect(error.code).toBe("SQL_CONVERSION");
    expect(error.message).toContain("Could not convert string '\\N' to INT32");
    expect(error.hint).toContain("nullstr '\\N'");
  });

  it("no files at a path → SQL_ERROR with the path conventions as hint", async () => {
    const error = await failure(
      "SELECT * FROM read_parquet('/nonexistent/Raw/Local/CSV/Movies/2026/1/5/*.parquet')",
    );
    expect(error.code).toBe("SQL_ERROR");
    expect(error.hint).toContain("zero-padded");
  });

  it("other errors → SQL_ERROR, and an existing table is not reported as missing", async () => {
    const exists = await failure("CREATE TABLE trusted.movies (x INTEGER)");
    expect(exists.code).toBe("SQL_ERROR");
    expect(exists.message).toContain("already exists");
    const fn = await failure("SELECT florr(1.5)");
    expect(fn.code).toBe("SQL_ERROR");
    expect(fn.message).toContain('Did you mean "floor"');
  });

  it("out of memory → OUT_OF_MEMORY with a hint to raise the limit", async () => {
    const small = await Engine.open({ threads: 1, memoryLimit: "16MB" });
    try {
      const error = await small.query("SELECT list(range) FROM range(50000000)").then(
        () => undefined,
        (e: unknown) => e as LakebookError,
      );
      expect(error?.code).toBe("OUT_OF_MEMORY");
      expect(error?.hint).toContain("memory_limit");
      expect(error?.message).not.toContain("Possible solutions");
    } finally {
      await small.close();
    }
  });

  it("crosses the boundary as data, without a stack", async () => {
    const json = (await failure("SELEC")).toJSON();
    expect(Object.keys(json).sort()).toEqual(["at", "code", "details", "hint", "message", "retryable"]);
  });

  it("leaves LakebookErrors alone", () => {
    const original = new LakebookError("X", "y");
    expect(toEngineError(original)).toBe(original);
  });
});
