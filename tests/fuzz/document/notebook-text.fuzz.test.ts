import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LakebookError } from "../../../pipeline/contract/errors";
import { type Notebook, NotebookFileError, parseNotebook, writeNotebook } from "../../../pipeline/document";
import { notebook as notebookArbitrary } from "../../unit/document/arbitraries";
import { fuzzed } from "../settings";

/**
 * The reader takes any text (a notebook from anyone, an editor's half-saved file): it either reads a
 * notebook or refuses with a LakebookError naming the file, line and column; and a notebook it read
 * is written back with every cell, so opening and saving a file never loses one.
 */
const FILE = "fuzz.lakebook.md";

/** Lines that mean something to the reader, so random files reach deep into it. */
const line = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "---",
      "--- ",
      "lakebook: 1",
      "lakebook: 0",
      "lakebook: 2",
      "lakebook: -1",
      "lakebook: x",
      "lakebook:",
      "title: Horror",
      "title: [unclosed",
      "title: &a [*a, *a]",
      "target:",
      "  kind: aws",
      "  kind: local",
      "  bucket: my-lake",
      "  bucket: Not_A_Bucket!",
      "  region: eu-west-1",
      "  lake: .lake",
      "  password: hunter2",
      "aws_secret_access_key: x",
      "```",
      "````",
      "~~~",
      "```sql",
      "```sql {#a}",
      "```sql {#a}",
      "```transform {#b}",
      "```chart {#c .wide key=value}",
      "```sql {#",
      "```sql {#a #b}",
      "```unknown {#d}",
      "```python",
      "```markdown {#m}",
      "````sql {#e}",
      "   ```",
      "\t```",
      "<!-- lakebook:cell {#x} -->",
      "<!--",
      "-->",
      "# Title",
      "",
      " ",
      "text",
      "SELECT 1",
      "\\",
      "{",
      "}",
      "- a",
      "? x",
      "key: |",
      "  block",
      "\uFEFF",
      "\u0000",
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
);
const ending = fc.constantFrom("\n", "\n", "\n", "\r\n", "\r");
const notebookText = fc
  .array(fc.tuple(line, ending), { maxLength: 30 })
  .map((lines) => lines.map(([text, end]) => text + end).join(""));

/** A canonical file with a few characters changed: close to valid, so most of the reader runs. */
const mutatedNotebook = fc
  .tuple(
    notebookArbitrary,
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 4 })), { maxLength: 4 }),
  )
  .map(([nb, edits]) => {
    let text = writeNotebook(nb);
    for (const [at, remove, insert] of edits) {
      const i = text.length === 0 ? 0 : at % text.length;
      text = text.slice(0, i) + insert + text.slice(i + remove);
    }
    return text;
  });

const anyText = fc.oneof(notebookText, mutatedNotebook, fc.string({ unit: "binary", maxLength: 200 }));

/** Reads the text; a refusal must be a LakebookError placed in this file, on a line it has. */
function readOrPlacedRefusal(text: string): Notebook | undefined {
  try {
    return parseNotebook(text, FILE).notebook;
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(LakebookError);
    expect(error, `${(error as Error).message} has no place`).toBeInstanceOf(NotebookFileError);
    const placed = error as NotebookFileError;
    const lines = text.split(/\r\n?|\n/).length;
    expect(placed.file).toBe(FILE);
    expect(placed.line).toBeGreaterThanOrEqual(1);
    expect(placed.line).toBeLessThanOrEqual(lines + 1);
    expect(placed.column).toBeGreaterThanOrEqual(1);
    expect(placed.message.startsWith(`${FILE}:${placed.line}:${placed.column}: `)).toBe(true);
    return undefined;
  }
}

describe("the notebook reader on arbitrary text (fuzz)", () => {
  it("reads it or refuses with a LakebookError naming file, line and column", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        readOrPlacedRefusal(text);
      }),
      fuzzed(3000),
    );
  });

  it("what it reads is written back with every cell, and reads back the same", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const nb = readOrPlacedRefusal(text);
        if (!nb) return;
        const written = writeNotebook(nb);
        const again = parseNotebook(written, FILE).notebook;
        expect(again.cells.map((cell) => cell.id)).toEqual(nb.cells.map((cell) => cell.id));
        expect(again).toStrictEqual(nb);
      }),
      fuzzed(3000),
    );
  });

  it("a canonical notebook round-trips whatever its cells hold", () => {
    fc.assert(
      fc.property(notebookArbitrary, (nb) => {
        const again = parseNotebook(writeNotebook(nb), FILE).notebook;
        expect(again.cells).toHaveLength(nb.cells.length);
        expect(again).toStrictEqual(nb);
      }),
      fuzzed(1000),
    );
  });
});
