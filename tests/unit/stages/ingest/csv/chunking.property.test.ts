import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MOVIES_COLUMNS } from "../../../../../pipeline/lake/dataset-columns";
import { type CsvReport, validateChallengeCsv } from "../../../../../pipeline/stages/ingest/csv";
import { bytesOf, chunksAt, MOVIES_HEADER } from "./helpers";

/**
 * Where the chunks are cut must never change the report: not the rows, the hash, the warnings or
 * the preview. Valid records are generated together with the values they stand for, so the
 * quoting rule is checked in the same breath.
 */
type Value = string | number | null;

const INTEGER = new Set(["anoLancamento", "tempoMinutos", "numeroVotos", "anoNascimento", "anoFalecimento"]);

// Text that exercises the quoting rule: delimiters, quotes, line breaks, accents, emoji.
const tricky = fc.string({
  unit: fc.constantFrom("a", "Z", " ", "|", '"', "\n", "\r\n", ",", "ç", "ã", "🎃", "\\"),
  maxLength: 12,
});
const text = fc.oneof(fc.string({ unit: "grapheme", maxLength: 12 }), tricky, fc.constant("\\N"));

/** How a writer following the README's rule writes a text value (empty becomes the null marker). */
function writeText(value: string): { written: string; value: Value } {
  if (value === "" || value === "\\N") return { written: "\\N", value: null };
  const needsQuotes = /[|\r\n]/.test(value) || /^ *"/.test(value);
  return { written: needsQuotes ? `"${value.replaceAll('"', '""')}"` : value, value };
}

const field = (name: string): fc.Arbitrary<{ written: string; value: Value }> => {
  if (INTEGER.has(name)) {
    return fc
      .option(fc.integer({ min: 0, max: 3_000_000 }), { freq: 5 })
      .map((n) => (n === null ? { written: "\\N", value: null } : { written: String(n), value: n }));
  }
  if (name === "notaMedia") {
    return fc
      .option(fc.integer({ min: 10, max: 100 }), { freq: 5 })
      .map((n) =>
        n === null ? { written: "\\N", value: null } : { written: (n / 10).toFixed(1), value: n / 10 },
      );
  }
  return text.map(writeText);
};

const record = fc.tuple(...MOVIES_COLUMNS.map(field));
const file = fc.array(record, { maxLength: 25 }).map((records) => ({
  bytes: bytesOf(
    `${MOVIES_HEADER}\n${records.map((r) => `${r.map((f) => f.written).join("|")}\n`).join("")}`,
  ),
  values: records.map((r) => r.map((f) => f.value)),
}));

const run = (bytes: Uint8Array, cuts: readonly number[] = []): Promise<CsvReport> =>
  validateChallengeCsv(chunksAt(bytes, cuts), { fileName: "movies.csv" });

describe("chunking never changes the report", () => {
  it("valid records: rows, hash and preview values are exactly what was written", async () => {
    await fc.assert(
      fc.asyncProperty(file, async ({ bytes, values }) => {
        const report = await run(bytes);
        expect(report.rows).toBe(values.length);
        expect(report.bytes).toBe(bytes.length);
        expect(report.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
        expect(report.preview.rows).toEqual(values);
        // Quoted line breaks are legal (and flagged for a look); nothing else is wrong.
        const codes = new Set(report.warnings.map((w) => w.code));
        codes.delete("MULTILINE_FIELD");
        expect([...codes]).toEqual(values.length === 0 ? ["NO_ROWS"] : []);
      }),
      { numRuns: 150 },
    );
  });

  it("valid records: random cut positions give the identical report", async () => {
    const withCuts = file.chain((f) =>
      fc.record({ f: fc.constant(f), cuts: fc.array(fc.nat({ max: f.bytes.length }), { maxLength: 40 }) }),
    );
    await fc.assert(
      fc.asyncProperty(withCuts, async ({ f, cuts }) => {
        expect(await run(f.bytes, cuts)).toEqual(await run(f.bytes));
      }),
      { numRuns: 150 },
    );
  });

  it("valid records: a cut at every single position, and one-byte chunks, give the identical report", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 3 }), async (records) => {
        const bytes = bytesOf(
          `${MOVIES_HEADER}\n${records.map((r) => r.map((f) => f.written).join("|")).join("\n")}`,
        );
        const whole = await run(bytes);
        for (let cut = 1; cut < bytes.length; cut++) expect(await run(bytes, [cut])).toEqual(whole);
        const everyByte = Array.from({ length: bytes.length }, (_, i) => i);
        expect(await run(bytes, everyByte)).toEqual(whole);
      }),
      { numRuns: 15 },
    );
  });

  it("broken input (stray quotes, bare \\r, bad bytes, ragged rows) also reports the same whatever the cuts", async () => {
    const atom = fc.constantFrom<number[]>(
      [0x61],
      [0x7c],
      [0x7c],
      [0x22],
      [0x0a],
      [0x0d],
      [0x0d, 0x0a],
      [0x20],
      [0x5c, 0x4e],
      [0x31],
      [0xc3, 0xa7],
      [0xc3],
      [0xff],
      [0xf0, 0x9f, 0x8e, 0x83],
    );
    const body = fc.array(atom, { maxLength: 400 }).map((atoms) => atoms.flat());
    const input = body.chain((bytes) =>
      fc.record({
        bytes: fc.constant(new Uint8Array([...bytesOf(`${MOVIES_HEADER}\n`), ...bytes])),
        cuts: fc.array(fc.nat({ max: bytes.length + 200 }), { maxLength: 30 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(input, async ({ bytes, cuts }) => {
        const whole = await run(bytes);
        expect(await run(bytes, cuts)).toEqual(whole);
        expect(whole.warningCount).toBeGreaterThanOrEqual(whole.warnings.length);
      }),
      { numRuns: 300 },
    );
  });

  it("INVALID_UTF8 names exactly the lines a strict UTF-8 decoder rejects", async () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    const piece = fc.oneof(
      fc.constantFrom<number[]>(
        [0x61],
        [0xc3, 0xa7],
        [0xe2, 0x82, 0xac],
        [0xf0, 0x9f, 0x8e, 0x83],
        [0xed, 0xa0, 0x80],
      ),
      fc.integer({ min: 0x80, max: 0xff }).map((b) => [b]),
    );
    const line = fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.flat());
    const input = fc.record({
      lines: fc.array(line, { minLength: 1, maxLength: 15 }),
      cuts: fc.array(fc.nat(), { maxLength: 20 }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ lines, cuts }) => {
        const rows = lines.map((personagem) => [
          ...bytesOf("tt1|A|A|2002|91|Horror|5.3|10|actor|"),
          ...personagem,
          ...bytesOf("|N|1950|\\N|actor|tt2\n"),
        ]);
        const bytes = new Uint8Array([...bytesOf(`${MOVIES_HEADER}\n`), ...rows.flat()]);
        const expected = lines.flatMap((l, i) => {
          try {
            strict.decode(new Uint8Array(l));
            return [];
          } catch {
            return [i + 2];
          }
        });
        const report = await run(
          bytes,
          cuts.map((c) => c % (bytes.length + 1)),
        );
        expect(report.warnings.filter((w) => w.code === "INVALID_UTF8").map((w) => w.line)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
