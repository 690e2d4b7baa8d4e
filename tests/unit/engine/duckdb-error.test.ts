import { describe, expect, it } from "vitest";
import { locate, readDuckDBError } from "../../../pipeline/engine/duckdb-error";

describe("readDuckDBError", () => {
  it("reads DuckDB's structured error, position included", () => {
    const error = new Error(
      '{"exception_type":"Catalog","exception_message":"Table with name nope does not exist!","candidates":"movies","position":"14","error_subtype":"MISSING_ENTRY","type":"Table","name":"nope"}',
    );
    expect(readDuckDBError(error)).toEqual({
      type: "Catalog",
      message: "Table with name nope does not exist!",
      subtype: "MISSING_ENTRY",
      position: 14,
      name: "nope",
      entryType: "Table",
      candidates: "movies",
    });
  });

  it("finds the JSON behind the binding's prefix", () => {
    const error = new Error(
      'Failed to extract statements: Parser Error: {"exception_type":"Parser","exception_message":"syntax error at end of input","error_subtype":"SYNTAX_ERROR","position":"10"}',
    );
    expect(readDuckDBError(error)).toMatchObject({ type: "Parser", position: 10, subtype: "SYNTAX_ERROR" });
  });

  it("falls back to the plain '<Type> Error: text' form", () => {
    expect(readDuckDBError(new Error("Conversion Error: Could not convert"))).toEqual({
      type: "Conversion",
      message: "Could not convert",
    });
    expect(readDuckDBError("something odd")).toEqual({ type: "Unknown", message: "something odd" });
  });
});

describe("locate", () => {
  it("turns a character offset into a 1-based line and column", () => {
    const sql = "SELECT 1;\nSELECT 2;\n  SELEC 3";
    expect(locate(sql, 22)).toEqual({ line: 3, column: 3, text: "  SELEC 3" });
    expect(locate(sql, 0)).toEqual({ line: 1, column: 1, text: "SELECT 1;" });
  });

  it("counts code points as DuckDB does, not UTF-16 units", () => {
    // DuckDB reported position 19 for this query: the two ducks count one each.
    expect(locate("SELECT '🦆🦆', SELEC 1", 19)).toMatchObject({ line: 1, column: 20 });
  });
});
