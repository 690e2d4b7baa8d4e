import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LakebookError } from "../../../pipeline/contract/errors";
import { type Notebook, parseNotebook, writeNotebook } from "../../../pipeline/document";
import { cellId, codeBody, markdownBody, notebook } from "./arbitraries";

const RUNS = { numRuns: 400 };

describe("canonical round trip (property)", () => {
  it("parse(write(nb)) gives nb back", () => {
    fc.assert(
      fc.property(notebook, (nb) => {
        const parsed = parseNotebook(writeNotebook(nb));
        expect(parsed.migratedFrom).toBeUndefined();
        expect(parsed.notebook).toStrictEqual(nb);
      }),
      RUNS,
    );
  });

  it("writing is idempotent: write(parse(write(nb))) is byte-identical", () => {
    fc.assert(
      fc.property(notebook, (nb) => {
        const text = writeNotebook(nb);
        expect(writeNotebook(parseNotebook(text).notebook)).toBe(text);
      }),
      RUNS,
    );
  });

  it("written files have the canonical layout", () => {
    fc.assert(
      fc.property(notebook, (nb) => {
        const text = writeNotebook(nb);
        expect(text.startsWith("---\nlakebook: 1\n")).toBe(true);
        expect(text.endsWith("\n")).toBe(true);
        expect(text.endsWith("\n\n")).toBe(false);
        expect(text).not.toContain("\r");
      }),
      RUNS,
    );
  });

  it("any code body round-trips, whatever backtick runs it holds", () => {
    fc.assert(
      fc.property(cellId, codeBody, (id, source) => {
        const nb: Notebook = { meta: { lakebook: 1 }, cells: [{ id, kind: "sql", attrs: [], source }] };
        expect(parseNotebook(writeNotebook(nb)).notebook).toStrictEqual(nb);
      }),
      RUNS,
    );
  });
});

/** Prose built from lines that are dangerous at the top level of a markdown cell. */
const riskyProse = fc
  .array(
    fc.constantFrom(
      "text",
      "",
      "<!-- #a -->",
      "<!--#b-->",
      "```",
      "````",
      "~~~",
      "```sql {#q}",
      "```sql",
      "  ```",
      "x {#c}",
    ),
    { minLength: 1, maxLength: 6 },
  )
  .filter((lines) => lines[0] !== "" && lines.at(-1) !== "")
  .map((lines) => lines.join("\n"));

describe("the writer never changes meaning silently (property)", () => {
  it("prose is either refused with a clear error or read back unchanged", () => {
    fc.assert(
      fc.property(riskyProse, riskyProse, (first, second) => {
        const nb: Notebook = {
          meta: { lakebook: 1 },
          cells: [
            { id: "one", kind: "markdown", attrs: [], source: first },
            { id: "two", kind: "sql", attrs: [], source: "SELECT 1" },
            { id: "three", kind: "markdown", attrs: [], source: second },
          ],
        };
        let text: string;
        try {
          text = writeNotebook(nb);
        } catch (error) {
          expect(error).toBeInstanceOf(LakebookError);
          expect((error as LakebookError).code).toBe("NOTEBOOK_UNWRITABLE");
          return;
        }
        expect(parseNotebook(text).notebook).toStrictEqual(nb);
      }),
      RUNS,
    );
  });
});

/** Arbitrary files made of notebook-ish lines, including malformed ones. */
const anyFile = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "---",
        "lakebook: 1",
        "lakebook: 0",
        "title: x",
        "",
        "text",
        "# Heading",
        "<!-- #a -->",
        "<!-- #1 -->",
      ),
      fc.constantFrom(
        "```",
        "````",
        "~~~",
        "```sql",
        "```sql {#s}",
        '```sql {#s x="y"}',
        "```sql {#t",
        "  ```",
        "```chart",
      ),
      fc.constantFrom("SELECT 1", "<!--#b-->", "```x {#a}", "```markdown", "~~~tmdb {#m k=`v`}"),
    ),
    { maxLength: 14 },
  )
  .chain((lines) => fc.constantFrom("\n", "\r\n").map((eol) => lines.join(eol) + (lines.length ? eol : "")));

describe("the reader on arbitrary input (property)", () => {
  it("either throws a LakebookError or returns a notebook that writes and reads back the same", () => {
    fc.assert(
      fc.property(anyFile, (text) => {
        let nb: Notebook;
        try {
          nb = parseNotebook(text).notebook;
        } catch (error) {
          expect(error).toBeInstanceOf(LakebookError);
          return;
        }
        const written = writeNotebook(nb);
        expect(parseNotebook(written).notebook).toStrictEqual(nb);
        expect(writeNotebook(parseNotebook(written).notebook)).toBe(written);
      }),
      { numRuns: 1000 },
    );
  });

  it("markdown bodies from the generator survive inside a full notebook", () => {
    fc.assert(
      fc.property(markdownBody, (source) => {
        const nb: Notebook = {
          meta: { lakebook: 1 },
          cells: [{ id: "prose", kind: "markdown", attrs: [], source }],
        };
        expect(parseNotebook(writeNotebook(nb)).notebook).toStrictEqual(nb);
      }),
      RUNS,
    );
  });
});
