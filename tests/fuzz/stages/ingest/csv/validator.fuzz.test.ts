import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LakebookError } from "../../../../../pipeline/contract/errors";
import { MOVIES_COLUMNS } from "../../../../../pipeline/lake/dataset-columns";
import {
  type CsvReport,
  isCsvRefusal,
  validateChallengeCsv,
} from "../../../../../pipeline/stages/ingest/csv";
import { bytesOf, chunksAt, MOVIES_HEADER, movieRow } from "../../../../unit/stages/ingest/csv/helpers";
import { fuzzed } from "../../../settings";

/**
 * The validator reads files students bring: any bytes give a report (warnings with the line they are
 * on) or a refusal naming the file, never a crash; a well-formed file gives no warning at all; and a
 * warning's line is the physical line its record starts on, however many quoted line breaks come before.
 */
const run = (bytes: Uint8Array, cuts: readonly number[] = []): Promise<CsvReport> =>
  validateChallengeCsv(chunksAt(bytes, cuts), { fileName: "movies.csv" });

/** Bytes that matter to a CSV reader, plus any byte at all (invalid UTF-8, NUL, lone CR). */
const csvByte = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...'|"\n\r,\\N aZ9.-'.split("").map((c) => c.charCodeAt(0))) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 255 }) },
);
const noise = fc.array(csvByte, { maxLength: 300 }).map((bytes) => Uint8Array.from(bytes));
/** Random bytes after a real header, so the row checks (not only the refusals) see them. */
const afterHeader = fc
  .tuple(fc.constantFrom("", "\uFEFF"), fc.constantFrom("\n", "\r\n"), noise)
  .map(([bom, end, rest]) => Uint8Array.from([...bytesOf(`${bom}${MOVIES_HEADER}${end}`), ...rest]));
/** Valid rows with a few bytes changed. */
const damaged = fc
  .tuple(
    fc.integer({ min: 1, max: 6 }),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 2 }),
        noise.map((b) => b.subarray(0, 3)),
      ),
      { maxLength: 4 },
    ),
  )
  .map(([rows, edits]) => {
    let bytes = bytesOf(
      `${MOVIES_HEADER}\n${Array.from({ length: rows }, () => `${movieRow()}\n`).join("")}`,
    );
    for (const [at, remove, insert] of edits) {
      const i = at % bytes.length;
      bytes = Uint8Array.from([...bytes.subarray(0, i), ...insert, ...bytes.subarray(i + remove)]);
    }
    return bytes;
  });
const anyBytes = fc.oneof(noise, afterHeader, damaged);
const cutsFor = (bytes: Uint8Array) =>
  fc.array(fc.integer({ min: 1, max: Math.max(1, bytes.length - 1) }), { maxLength: 5 });

function physicalLines(bytes: Uint8Array): number {
  let lines = 1;
  for (const byte of bytes) if (byte === 0x0a) lines++;
  return lines;
}

describe("the CSV validator on arbitrary bytes (fuzz)", () => {
  it("gives warnings on lines the file has, or a refusal naming the file; never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(
        anyBytes.chain((bytes) => fc.tuple(fc.constant(bytes), cutsFor(bytes))),
        async ([bytes, cuts]) => {
          let report: CsvReport;
          try {
            report = await run(bytes, cuts);
          } catch (error) {
            expect(error, String(error)).toBeInstanceOf(LakebookError);
            expect(isCsvRefusal(error), (error as Error).message).toBe(true);
            expect((error as Error).message).toContain("movies.csv");
            return;
          }
          const lines = physicalLines(bytes);
          for (const warning of report.warnings) {
            expect(Number.isInteger(warning.line), warning.message).toBe(true);
            expect(warning.line, `${warning.code}: ${warning.message}`).toBeGreaterThanOrEqual(1);
            expect(warning.line, `${warning.code}: ${warning.message}`).toBeLessThanOrEqual(lines);
          }
          expect(report.warningCount).toBeGreaterThanOrEqual(report.warnings.length);
          // Where the chunks were cut changes nothing.
          expect(await run(bytes)).toEqual(report);
        },
      ),
      fuzzed(600),
    );
  });
});

/** A field value a writer of the challenge's format would write; `lineBreaks` allows quoted ones. */
const INTEGER = new Set(["anoLancamento", "tempoMinutos", "numeroVotos", "anoNascimento", "anoFalecimento"]);
function fieldFor(name: string, lineBreaks: boolean): fc.Arbitrary<string> {
  if (INTEGER.has(name))
    return fc.oneof(fc.integer({ min: 0, max: 3_000_000 }).map(String), fc.constant("\\N"));
  if (name === "notaMedia")
    return fc.oneof(
      fc.integer({ min: 10, max: 100 }).map((n) => (n / 10).toFixed(1)),
      fc.constant("\\N"),
    );
  const units = lineBreaks
    ? ["a", "Z", " ", "|", '"', ",", "ç", "🎃", "\n", "\r\n"]
    : ["a", "Z", " ", "|", '"', ",", "ç", "🎃"];
  return fc.string({ unit: fc.constantFrom(...units), minLength: 1, maxLength: 10 }).map((value) => {
    const needsQuotes = /[|\r\n]/.test(value) || /^ *"/.test(value);
    return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
  });
}
const recordOf = (lineBreaks: boolean) =>
  fc.tuple(...MOVIES_COLUMNS.map((name) => fieldFor(name, lineBreaks)));

describe("the CSV validator on generated files (fuzz)", () => {
  it("a well-formed file (quoted delimiters and quotes, no line breaks in values) gives no warning", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(recordOf(false), { minLength: 1, maxLength: 20 }), async (records) => {
        const text = `${MOVIES_HEADER}\n${records.map((r) => `${r.join("|")}\n`).join("")}`;
        const report = await run(bytesOf(text));
        expect(report.warnings).toEqual([]);
        expect(report.warningCount).toBe(0);
        expect(report.rows).toBe(records.length);
      }),
      fuzzed(200),
    );
  });

  it("a record with a field missing is reported on the line it starts on, after quoted line breaks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordOf(true), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        async (records, pick) => {
          const broken = pick % records.length;
          const lines = records.map((r, i) => (i === broken ? r.slice(1) : r).join("|"));
          const text = `${MOVIES_HEADER}\n${lines.map((line) => `${line}\n`).join("")}`;
          // The header is line 1; each record before the broken one spans 1 + its line breaks.
          const before = lines.slice(0, broken).join("\n");
          const expectedLine = 2 + (broken === 0 ? 0 : (before.match(/\n/g) ?? []).length + 1);
          const report = await run(bytesOf(text));
          const tooFew = report.warnings.filter((warning) => warning.code === "TOO_FEW_FIELDS");
          expect(tooFew.map((warning) => warning.line)).toEqual([expectedLine]);
          expect(report.rows).toBe(records.length);
          // The only other heads-up: values that span lines, each on its record's first line.
          for (const warning of report.warnings) {
            expect(["TOO_FEW_FIELDS", "MULTILINE_FIELD", "STRAY_CR", "CRLF", "MIXED_LINE_ENDINGS"]).toContain(
              warning.code,
            );
          }
        },
      ),
      fuzzed(200),
    );
  });
});
