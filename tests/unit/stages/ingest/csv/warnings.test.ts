import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { validateChallengeCsv, WARNING_CAPS } from "../../../../../pipeline/stages/ingest/csv";
import { bytesOf, chunksOf, MOVIES_HEADER, movieRow, moviesFile, validate, warningLines } from "./helpers";

const PERSONAGEM = 9; // column index in the preview rows

describe("warnings: the file is ingested, the oddity reported on its line", () => {
  it("accepts a clean file with typed preview values and no warnings", async () => {
    const report = await validate(moviesFile(movieRow(), movieRow({ personagem: "\\N" })));
    expect(report).toMatchObject({
      dataset: "movies",
      delimiter: "|",
      rows: 2,
      warningCount: 0,
      warnings: [],
    });
    expect(report.preview.columns[6]).toEqual({ name: "notaMedia", type: "decimal" });
    expect(report.preview.rows[0]?.slice(3, 8)).toEqual([2002, 91, "Drama,Horror", 5.3, 25891]);
    expect(report.preview.rows[1]?.[PERSONAGEM]).toBeNull();
  });

  it("CRLF: one warning, every CRLF line counted, values without \\r", async () => {
    const report = await validate(moviesFile(movieRow(), movieRow()).replaceAll("\n", "\r\n"));
    expect(warningLines(report)).toEqual([[1, "CRLF"]]);
    expect(report.warningCounts.CRLF).toBe(3);
    expect(report.warningCount).toBe(1);
    expect(report.rows).toBe(2);
    expect(report.preview.rows[0]?.at(-1)).toBe("tt1936154,tt1462992");
  });

  it("mixed line endings: DuckDB cannot read them, so they are named", async () => {
    const report = await validate(`${MOVIES_HEADER}\n${movieRow()}\r\n${movieRow()}\n`);
    expect(warningLines(report)).toEqual([
      [2, "CRLF"],
      [2, "MIXED_LINE_ENDINGS"],
    ]);
  });

  it("BOM: stripped for the header match, reported, and still in the hash", async () => {
    const file = `\uFEFF${moviesFile(movieRow())}`;
    const report = await validate(file);
    expect(report.dataset).toBe("movies");
    expect(report.columns[0]).toBe("id");
    expect(warningLines(report)).toEqual([[1, "BOM"]]);
    expect(report.sha256).toBe(createHash("sha256").update(bytesOf(file)).digest("hex"));
    expect(report.bytes).toBe(bytesOf(file).length);
  });

  it("accents: UTF-8 names survive any chunking, with no warning", async () => {
    const row = movieRow({
      tituloPincipal: "A Noite dos Mortos-Vivos: Ação",
      personagem: "Conceição Araújo Ñandú 🎃",
    });
    for (const size of [1, 2, 3, 1000]) {
      const report = await validateChallengeCsv(chunksOf(moviesFile(row), size), { fileName: "movies.csv" });
      expect(report.warnings).toEqual([]);
      expect(report.preview.rows[0]?.[1]).toBe("A Noite dos Mortos-Vivos: Ação");
      expect(report.preview.rows[0]?.[PERSONAGEM]).toBe("Conceição Araújo Ñandú 🎃");
    }
  });

  it('quoted fields may hold "|", "" and line breaks; later line numbers stay physical', async () => {
    const file = moviesFile(
      movieRow({ personagem: '"Dr. Jekyll | Mr. Hyde"' }),
      movieRow({ personagem: '"The ""Thing"""' }),
      movieRow({ personagem: '"first line\nsecond line"' }),
      movieRow().replace("|Drama,Horror", ""),
    );
    const report = await validate(file);
    expect(report.rows).toBe(4);
    expect(report.preview.rows.map((row) => row[PERSONAGEM])).toEqual([
      "Dr. Jekyll | Mr. Hyde",
      'The "Thing"',
      "first line\nsecond line",
      "Leon Sullivan",
    ]);
    expect(warningLines(report)).toEqual([
      [4, "MULTILINE_FIELD"],
      [6, "TOO_FEW_FIELDS"],
    ]);
  });

  it("quoted text fields past the preview rows are counted too: the aws SerDe depends on it", async () => {
    const rows = Array.from({ length: 150 }, () => movieRow());
    const file = moviesFile(...rows, movieRow({ tituloPincipal: '"Ghost | Ship"' }));
    const report = await validate(file);
    expect(report.rows).toBe(151);
    expect(report.quotedFields).toBe(1);
  });

  it("\\N in numeric columns is null, not text", async () => {
    const row = movieRow({ anoLancamento: "\\N", tempoMinutos: "\\N", notaMedia: "\\N", numeroVotos: "\\N" });
    const report = await validate(moviesFile(row));
    expect(report.warnings).toEqual([]);
    expect(report.preview.rows[0]?.slice(3, 8)).toEqual([null, null, "Drama,Horror", null, null]);
  });

  it("text in notaMedia (and other numeric columns) names the column and the value", async () => {
    const report = await validate(
      moviesFile(
        movieRow({ notaMedia: "seven" }),
        movieRow({ notaMedia: "7,5" }),
        movieRow({ anoLancamento: "2002.0", numeroVotos: "1 000" }),
        movieRow({ notaMedia: "-7.25" }),
      ),
    );
    expect(warningLines(report)).toEqual([
      [2, "NOT_A_NUMBER"],
      [3, "NOT_A_NUMBER"],
      [4, "NOT_A_NUMBER"],
    ]);
    expect(report.warnings[0]?.message).toContain('notaMedia is "seven"');
    expect(report.warnings[1]?.message).toContain('"7,5"');
    expect(report.warnings[2]?.message).toContain('anoLancamento is "2002.0", not a whole number');
    expect(report.warnings[2]?.message).toContain("1 more");
    expect(report.preview.rows[0]?.[6]).toBe("seven");
    expect(report.preview.rows[3]?.[6]).toBe(-7.25);
  });

  it("a missing final newline is reported on the last line, and the row still counts", async () => {
    const report = await validate(moviesFile(movieRow(), movieRow()).slice(0, -1));
    expect(report.rows).toBe(2);
    expect(warningLines(report)).toEqual([[3, "NO_FINAL_NEWLINE"]]);
  });

  it("header only is not a refusal: zero rows and a NO_ROWS warning", async () => {
    expect(warningLines(await validate(`${MOVIES_HEADER}\n`))).toEqual([[1, "NO_ROWS"]]);
    const bare = await validate(MOVIES_HEADER);
    expect(bare.rows).toBe(0);
    expect(warningLines(bare)).toEqual([
      [1, "NO_FINAL_NEWLINE"],
      [1, "NO_ROWS"],
    ]);
  });

  it("a 200 KB field is read in one pass and previewed cut short", async () => {
    const huge = "x".repeat(200 * 1024);
    for (const personagem of [huge, `"${huge}"`]) {
      const file = moviesFile(movieRow({ personagem }), movieRow());
      const report = await validateChallengeCsv(chunksOf(file, 4096), { fileName: "movies.csv" });
      expect(report.rows).toBe(2);
      expect(report.warnings).toEqual([]);
      const cell = report.preview.rows[0]?.[PERSONAGEM] as string;
      expect(cell.endsWith("…")).toBe(true);
      expect(cell.length).toBeLessThan(5000);
    }
    const inNumber = await validate(moviesFile(movieRow({ numeroVotos: "9".repeat(200 * 1024) })));
    expect(warningLines(inNumber)).toEqual([[2, "NOT_A_NUMBER"]]);
  });

  it("invalid UTF-8 on line 7 is reported on line 7, wherever the chunks are cut", async () => {
    const rows = [1, 2, 3, 4, 5].map(() => movieRow());
    const before = bytesOf(moviesFile(...rows));
    const bad = bytesOf(`${movieRow({ personagem: "Latin-1: Concei\u0000o" })}\n`);
    bad[bad.indexOf(0)] = 0xe7; // "ç" in Latin-1: a lone byte that UTF-8 does not allow
    const file = new Uint8Array([...before, ...bad, ...bytesOf(`${movieRow()}\n`)]);
    for (const size of [file.length, 1, 7]) {
      const report = await validateChallengeCsv(chunksOf(file, size), { fileName: "movies.csv" });
      expect(warningLines(report)).toEqual([[7, "INVALID_UTF8"]]);
      expect(report.rows).toBe(7);
    }
  });

  it("too few and too many fields, each on its line with the counts", async () => {
    const report = await validate(
      moviesFile(movieRow(), movieRow().replace("|Drama,Horror", ""), movieRow(), `${movieRow()}|extra`),
    );
    expect(warningLines(report)).toEqual([
      [3, "TOO_FEW_FIELDS"],
      [5, "TOO_MANY_FIELDS"],
    ]);
    expect(report.warnings[0]?.message).toContain("14 fields, expected 15");
    expect(report.warnings[1]?.message).toContain("16 fields, expected 15");
  });

  it("blank lines are reported and not counted; empty fields are reported", async () => {
    const report = await validate(`${MOVIES_HEADER}\n${movieRow()}\n\n${movieRow({ personagem: "" })}\n`);
    expect(report.rows).toBe(2);
    expect(warningLines(report)).toEqual([
      [3, "BLANK_LINE"],
      [4, "EMPTY_FIELD"],
    ]);
    expect(report.warnings[1]?.message).toContain("personagem is empty");
  });

  it("an unterminated quote warns on its line and the lines after it are checked on their own", async () => {
    const file = moviesFile(
      movieRow(),
      movieRow({ personagem: '"Bud' }),
      ...Array.from({ length: 60 }, () => movieRow()),
      movieRow().replace("|Drama,Horror", ""),
    );
    const report = await validate(file);
    expect(report.rows).toBe(63);
    expect(warningLines(report)).toEqual([
      [3, "UNTERMINATED_QUOTE"],
      [64, "TOO_FEW_FIELDS"],
    ]);
    expect(report.warnings[0]?.message).toContain("field 10 (personagem)");
  });

  it("an unterminated quote on the last lines resynchronises at the end of the file", async () => {
    const report = await validate(moviesFile(movieRow({ personagem: '"Bud' }), movieRow(), movieRow()));
    expect(report.rows).toBe(3);
    expect(warningLines(report)).toEqual([[2, "UNTERMINATED_QUOTE"]]);
  });

  it("text after a closing quote and a bare \\r are lines DuckDB refuses", async () => {
    const report = await validate(
      moviesFile(
        movieRow({ personagem: '"Weird Al" Yankovic' }),
        movieRow({ personagem: "Carriage\rReturn" }),
      ),
    );
    expect(warningLines(report)).toEqual([
      [2, "STRAY_QUOTE"],
      [3, "STRAY_CR"],
    ]);
    // A quote inside a field is an ordinary character.
    expect((await validate(moviesFile(movieRow({ personagem: 'Dwayne "The Rock"' })))).warnings).toEqual([]);
  });

  it("caps kept warnings per code but counts all of them", async () => {
    const rows = Array.from({ length: 250 }, (_, i) =>
      i % 2 === 0 ? movieRow({ notaMedia: "n/a" }) : movieRow().replace("|Drama,Horror", ""),
    );
    const report = await validate(moviesFile(...rows));
    expect(report.warningCounts).toEqual({ NOT_A_NUMBER: 125, TOO_FEW_FIELDS: 125 });
    expect(report.warningCount).toBe(250);
    expect(report.warnings).toHaveLength(2 * WARNING_CAPS.perCode);
    expect(report.warnings.map((warning) => warning.line)).toEqual(
      Array.from({ length: 2 * WARNING_CAPS.perCode }, (_, i) => i + 2),
    );
    expect(report.preview.rows).toHaveLength(100);
  });
});
