import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LakebookError } from "../../../pipeline/contract/errors";
import { Engine } from "../../../pipeline/engine";
import { withoutFolders } from "../../../pipeline/engine/errors";

/**
 * Engine errors reach a student in plain words: which file, which line, what to do; DuckDB's own
 * text under Details; the place in the cell for the editor; never the machine's folders up front.
 */
let engine: Engine;
let dir: string;
let raw: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-errors-"));
  raw = path.join(dir, ".lake/Raw/Local/CSV/Movies/2026/11/25");
  await mkdir(raw, { recursive: true });
  const wide = Array.from({ length: 17 }, (_, index) => `f${index}`).join("|");
  await writeFile(path.join(raw, "extra.csv"), `a|b|c\n1|2|3\n${wide}\n4|5|6\n`);
  engine = await Engine.open({ threads: 1, memoryLimit: "512MB" });
});
afterAll(async () => {
  await engine.close();
  await rm(dir, { recursive: true, force: true });
});

async function failure(sql: string): Promise<LakebookError> {
  const error = await engine.query(sql).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LakebookError);
  return error as LakebookError;
}

describe("engine errors in plain words", () => {
  it("a ragged CSV: the lake file and line, what to do, DuckDB's dump under Details", async () => {
    const file = path.join(raw, "extra.csv").split(path.sep).join("/");
    const error = await failure(
      `SELECT * FROM read_csv('${file}', delim = '|', header = true, auto_detect = false, columns = {'a': 'VARCHAR', 'b': 'VARCHAR', 'c': 'VARCHAR'})`,
    );
    expect(error.code).toBe("CSV_MALFORMED");
    expect(error.message).toBe(
      "Could not read the CSV file Raw/Local/CSV/Movies/2026/11/25/extra.csv, line 3: a row with more fields than the 3 expected.",
    );
    expect(error.hint).toContain("remove it from RAW in the lake browser");
    expect(error.hint).toContain("PERMISSIVE");
    expect(error.details).toContain("Expected Number of Columns: 3");
    expect(`${error.message} ${error.hint}`).not.toContain(dir);
  });

  it("DuckDB's sniffer giving up on a ragged file is the same plain error", async () => {
    const file = path.join(raw, "extra.csv").split(path.sep).join("/");
    const error = await failure(
      `SELECT * FROM read_csv('${file}', delim = '|', header = true, columns = {'a': 'VARCHAR', 'b': 'VARCHAR', 'c': 'VARCHAR'})`,
    );
    expect(error.code).toBe("CSV_MALFORMED");
    expect(error.message).toContain("Could not read the CSV file Raw/Local/CSV/Movies/2026/11/25/extra.csv");
    expect(error.message).not.toContain(dir);
    expect(error.details).toContain("sniffing");
  });

  it("an error with a place in the SQL says where, for the editor's marker", async () => {
    const error = await failure("SELECT 1;\nSELECT 2;\n  SELEC 3");
    expect(error.toJSON()).toMatchObject({ code: "SQL_PARSE", at: { line: 3, column: 3 } });
    expect(error.toJSON().details).toContain("syntax error");
  });

  it("a missing file names it from the zone folder on", async () => {
    const error = await failure(
      `SELECT * FROM read_parquet('${dir}/.lake/Trusted/Local/Parquet/none/*.parquet')`,
    );
    expect(error.message).toContain("Trusted/Local/Parquet/none/*.parquet");
    expect(error.message).not.toContain(dir);
  });

  it("shortens absolute paths only", () => {
    expect(withoutFolders('file "/home/ana/demo/.lake/Raw/Local/CSV/x.csv" failed')).toBe(
      'file "Raw/Local/CSV/x.csv" failed',
    );
    expect(withoutFolders("C:\\Users\\ana\\notes\\movies.csv")).toBe("movies.csv");
    expect(withoutFolders("a 1/2/3 ratio, Raw/Local/CSV and https://example.com/a/b")).toBe(
      "a 1/2/3 ratio, Raw/Local/CSV and https://example.com/a/b",
    );
  });
});
