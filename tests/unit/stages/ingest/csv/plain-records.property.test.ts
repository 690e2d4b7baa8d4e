import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CsvReport,
  PREVIEW_ROWS,
  validateChallengeCsv,
} from "../../../../../pipeline/stages/ingest/csv";
import { chunksAt, MOVIES_HEADER, movieRow } from "./helpers";

/**
 * Past the preview rows the scanner counts plain lines in WebAssembly instead of with its byte
 * machine (`csv/plain-records.ts`). The same records must get the same report either way: the
 * first run reads them inside the preview, where every field goes through the byte machine; the
 * second puts them after 100 valid rows, where the shortcut is on. Only the line numbers move.
 */

// Values near the shortcut's edges: empty, quotes, spaces, CR, line breaks, bad and long numbers.
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("a", "Zé", "1", "42", "-7", "3.5", "\\N", ",") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(" ", '"', '""', "\r", "\n", "|", "-", ".", "1.", ".5", "\\", "N", "🎃"),
  },
  { weight: 1, arbitrary: fc.constant("9".repeat(4100)) },
);
const field = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("2002", "\\N", "5.3", "Ghost Ship", "x") },
  // Right past the shortcut's edges: quoted values, and a number longer than the capture limit.
  {
    weight: 1,
    arbitrary: fc.constantFrom('"Ghost Ship"', ' "a|b"', ' "x"', '"x', "9".repeat(4100)),
  },
  { weight: 3, arbitrary: fc.array(token, { maxLength: 4 }).map((parts) => parts.join("")) },
);
// Numbers the way DuckDB and `isNumber` just accept or just refuse, in the numeric columns.
const NUMERIC_AT = [3, 4, 6, 7, 11, 12];
const number = fc.constantFrom("1.", ".5", "-", "-3", "1.25", "+1", "1e3", "-0.5", "9".repeat(4100));
const line = fc.oneof(
  { weight: 3, arbitrary: fc.constant(movieRow()) },
  { weight: 2, arbitrary: fc.array(field, { minLength: 13, maxLength: 17 }).map((f) => f.join("|")) },
  {
    // A valid row with one column changed: most lines are plain but for one field.
    weight: 3,
    arbitrary: fc
      .tuple(fc.nat({ max: 14 }), field)
      .map(([at, value]) => movieRow().split("|").with(at, value).join("|")),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...NUMERIC_AT), number)
      .map(([at, value]) => movieRow().split("|").with(at, value).join("|")),
  },
);
const eol = fc.constantFrom("\n", "\n", "\r\n");
const records = fc.tuple(fc.array(line, { maxLength: 30 }), eol, eol, fc.boolean());

async function report(text: string, cuts: readonly number[]): Promise<CsvReport> {
  return validateChallengeCsv(chunksAt(text, cuts), { fileName: "movies.csv" });
}

const shifted = (r: CsvReport, by: number) => r.warnings.map((w) => `${w.line + by} ${w.code}`);

describe("the plain-line shortcut reports exactly what the byte machine does", () => {
  it("the same records inside and after the preview rows", async () => {
    await fc.assert(
      fc.asyncProperty(
        records,
        fc.array(fc.nat(), { maxLength: 6 }),
        async ([lines, head, eol, last], cuts) => {
          const body = lines.join(eol) + (last && lines.length > 0 ? eol : "");
          // The padding ends its lines as the header does, so it adds no warning but CRLF's count.
          const header = `${MOVIES_HEADER}${head}`;
          const padding = `${movieRow()}${head}`.repeat(PREVIEW_ROWS);
          const early = await report(header + body, []);
          const late = await report(
            header + padding + body,
            cuts.map((cut) => cut * 97),
          );
          const noRows = early.rows === 0 ? 1 : 0; // NO_ROWS goes away with the padding
          expect(late.rows).toBe(early.rows + PREVIEW_ROWS);
          expect(late.quotedFields).toBe(early.quotedFields);
          expect(late.warningCount).toBe(early.warningCount - noRows);
          const counts = { ...early.warningCounts };
          delete counts.NO_ROWS;
          if (head === "\r\n") counts.CRLF = (counts.CRLF ?? 0) + PREVIEW_ROWS;
          expect(late.warningCounts).toEqual(counts);
          const lateLines = late.warnings.filter((w) => w.line > 1).map((w) => `${w.line} ${w.code}`);
          const earlyLines = shifted(early, PREVIEW_ROWS).filter((w) => !w.endsWith("NO_ROWS"));
          expect(lateLines).toEqual(earlyLines.filter((w) => Number.parseInt(w, 10) > 1 + PREVIEW_ROWS));
        },
      ),
      { numRuns: 200 },
    );
  });
});
