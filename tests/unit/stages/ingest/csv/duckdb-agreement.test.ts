import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CsvWarningCode } from "../../../../../pipeline/stages/ingest/csv";
import { movieRow, moviesFile, validate } from "./helpers";

/**
 * The quoting rule is DuckDB's, checked against DuckDB itself: what it reads, we read (same rows,
 * same values); what it refuses, we warn about. The reader is the TRUSTED stage's
 * `read_csv(delim='|', quote='"', header=true, nullstr='\N')`, with all_varchar so type sniffing
 * does not get in the way.
 */
let dir = "";
let instance: DuckDBInstance;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lakebook-quoting-"));
  instance = await DuckDBInstance.create(":memory:");
});
afterAll(async () => {
  instance.closeSync();
  await rm(dir, { recursive: true, force: true });
});

let serial = 0;
async function duckdbPersonagem(file: string): Promise<(string | null)[] | Error> {
  const path = join(dir, `case-${serial++}.csv`);
  await writeFile(path, file);
  const connection = await instance.connect();
  try {
    const sql = `SELECT personagem FROM read_csv('${path}', delim='|', quote='"', header=true, nullstr='\\N', all_varchar=true)`;
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJson().map((row) => row.personagem as string | null);
  } catch (error) {
    return error as Error;
  } finally {
    connection.closeSync();
  }
}

/** A blank line between rows, where a case lists personagem values. */
const BLANK = null;

const READ_ALIKE: [string, (string | typeof BLANK)[]][] = [
  ["plain text", ["Edward Falcão"]],
  ["a quoted field holding |", ['"Jekyll | Hyde"']],
  ["doubled quotes inside quotes", ['"The ""Thing"""']],
  ["a quoted line break", ['"first\nsecond"']],
  ["a quote inside an unquoted field is literal", ['Dwayne "The Rock"']],
  ["spaces before an opening quote", [' "Jekyll | Hyde"']],
  ["spaces after a closing quote", ['"Hyde"  ']],
  ["a quoted null marker is null", ['"\\N"']],
  ["an empty field is empty text, not null", [""]],
  ["rows around a blank line", ["A", BLANK, "B"]],
];

const REFUSED: [string, string, CsvWarningCode][] = [
  ["text after a closing quote", '"Weird Al" Yankovic', "STRAY_QUOTE"],
  ["an unterminated quote", '"Bud', "UNTERMINATED_QUOTE"],
  ["a bare carriage return", "Carriage\rReturn", "STRAY_CR"],
  ["a missing delimiter", "A|B", "TOO_MANY_FIELDS"],
];

describe("the quoting rule agrees with DuckDB's read_csv", () => {
  it.each(READ_ALIKE)("%s: same rows, same values", async (_name, personagens) => {
    const rows = personagens.map((personagem) => (personagem === BLANK ? "" : movieRow({ personagem })));
    const file = moviesFile(...rows);
    const duck = await duckdbPersonagem(file);
    expect(duck).not.toBeInstanceOf(Error);
    const report = await validate(file);
    const ours = report.preview.rows.map((row) => row[9]);
    expect(ours).toEqual(duck);
    expect(report.rows).toBe((duck as unknown[]).length);
  });

  it.each(REFUSED)("%s: DuckDB refuses the file, we warn with %s", async (_name, personagem, code) => {
    const file = moviesFile(movieRow(), movieRow({ personagem }), movieRow(), movieRow());
    expect(await duckdbPersonagem(file)).toBeInstanceOf(Error);
    const report = await validate(file);
    expect(report.warnings.map((warning) => [warning.line, warning.code])).toContainEqual([3, code]);
  });

  it("mixed line endings: DuckDB refuses the file, we warn", async () => {
    const file = moviesFile(movieRow(), `${movieRow()}\r`, movieRow());
    expect(await duckdbPersonagem(file)).toBeInstanceOf(Error);
    expect((await validate(file)).warningCounts.MIXED_LINE_ENDINGS).toBe(1);
  });

  it("invalid UTF-8: DuckDB refuses the file, we warn", async () => {
    const file = Buffer.concat([Buffer.from(moviesFile(movieRow())), Buffer.from([0xff, 0x0a])]);
    const path = join(dir, "latin1.csv");
    await writeFile(path, file);
    const connection = await instance.connect();
    await expect(
      connection.run(`SELECT * FROM read_csv('${path}', delim='|', quote='"', header=true, nullstr='\\N')`),
    ).rejects.toThrow(/unicode|UTF-8/i);
    connection.closeSync();
    expect((await validate(file)).warningCounts.INVALID_UTF8).toBe(1);
  });
});
