import { describe, expect, it } from "vitest";
import type { LakebookError } from "../../../pipeline/contract/errors";
import { type Cell, type Notebook, parseNotebook, writeNotebook } from "../../../pipeline/document";
import { file, thrownBy } from "./helpers";

const HEAD = ["---", "lakebook: 1", "---", ""];
const withCells = (...cells: Cell[]): Notebook => ({ meta: { lakebook: 1 }, cells });
const sql = (source: string, attrs: Cell["attrs"] = []): Cell => ({ id: "q", kind: "sql", attrs, source });
const prose = (source: string, id = "p"): Cell => ({ id, kind: "markdown", attrs: [], source });

describe("the canonical writer", () => {
  it("writes the documented example byte for byte", () => {
    const nb: Notebook = {
      meta: { target: { kind: "local" }, title: "Horror subgenres", lakebook: 1 },
      cells: [
        prose("# Which horror subgenres do audiences prefer?\n\nSome prose.", "intro"),
        { id: "ingest_movies", kind: "ingest", attrs: [], source: "dataset: movies\nfile: data/movies.csv" },
        {
          id: "top_subgenres",
          kind: "sql",
          attrs: [
            { key: "engine", value: "local" },
            { key: "label", value: "Top subgenres" },
          ],
          source: "SELECT 1",
        },
      ],
    };
    expect(writeNotebook(nb)).toBe(
      file(
        "---",
        "lakebook: 1",
        "title: Horror subgenres",
        "target:",
        "  kind: local",
        "---",
        "",
        "<!-- #intro -->",
        "# Which horror subgenres do audiences prefer?",
        "",
        "Some prose.",
        "",
        "```ingest {#ingest_movies}",
        "dataset: movies",
        "file: data/movies.csv",
        "```",
        "",
        '```sql {#top_subgenres engine=local label="Top subgenres"}',
        "SELECT 1",
        "```",
      ),
    );
  });

  it("stamps the current version on a notebook without one", () => {
    expect(writeNotebook({ meta: {}, cells: [] })).toBe("---\nlakebook: 1\n---\n");
  });

  it.each([
    ["no backticks", "SELECT 1", "```"],
    ["a triple-backtick line", "```", "````"],
    ["an indented run of four", "   ````", "`````"],
    ["a run of four not at the start of a line", "x ````", "```"],
    ["four spaces of indent (not a fence)", "    ``````", "```"],
  ])("picks a fence longer than any fence-like run: %s", (_what, source, fence) => {
    const text = writeNotebook(withCells(sql(source)));
    expect(text).toBe(file(...HEAD, `${fence}sql {#q}`, source, fence));
    expect(parseNotebook(text).notebook.cells[0]?.source).toBe(source);
  });

  it("uses a tilde fence when an attribute value holds a backtick (CommonMark forbids it after ```)", () => {
    const text = writeNotebook(withCells(sql("~~~\nSELECT 1", [{ key: "label", value: "`ticks`" }])));
    expect(text).toBe(file(...HEAD, '~~~~sql {#q label="`ticks`"}', "~~~", "SELECT 1", "~~~~"));
    expect(parseNotebook(text).notebook.cells[0]?.attrs).toEqual([{ key: "label", value: "`ticks`" }]);
  });

  it("quotes only values that need it, escaping quotes and backslashes", () => {
    const attrs = [
      { key: "a", value: "plain-value_1.2:3/4@x+y,z" },
      { key: "b", value: "" },
      { key: "c", value: 'say "hi"' },
      { key: "d", value: "C:\\lake" },
      { key: "flag" },
    ];
    expect(writeNotebook(withCells(sql("", attrs)))).toBe(
      file(
        ...HEAD,
        '```sql {#q a=plain-value_1.2:3/4@x+y,z b="" c="say \\"hi\\"" d="C:\\\\lake" flag}',
        "```",
      ),
    );
  });

  it("normalises line endings in sources and trims blank lines around prose", () => {
    const nb = withCells(prose("\n\r\n  \nText\r\nmore\n\n"), sql("a\r\nb\rc"));
    expect(writeNotebook(nb)).toBe(
      file(...HEAD, "<!-- #p -->", "Text", "more", "", "```sql {#q}", "a", "b", "c", "```"),
    );
  });

  it("writes an empty source as no body lines", () => {
    expect(writeNotebook(withCells(sql(""), prose("")))).toBe(
      file(...HEAD, "```sql {#q}", "```", "", "<!-- #p -->"),
    );
  });
});

describe("the writer refuses what it cannot write faithfully", () => {
  const refused = (nb: Notebook) => thrownBy<LakebookError>(() => writeNotebook(nb));

  it.each([
    ["a marker line", "Intro\n<!-- #sneaky -->\nmore", "would read as a cell marker"],
    ["a loose marker line", "<!--#x-->", "would read as a cell marker"],
    ["a cell fence", "Look:\n```sql {#inner}\nSELECT 1\n```", "would read as the start of a code cell"],
    ["a malformed cell fence", "```js {1,3}\ncode\n```", "would read as the start of a code cell"],
    ["an unclosed code block", "Look:\n```python\nprint(1)", "opens a code block that is never closed"],
  ])("prose with %s at the top level", (_what, source, problem) => {
    const error = refused(withCells(prose(source)));
    expect(error.code).toBe("NOTEBOOK_UNWRITABLE");
    expect(error.message).toContain('markdown cell "p"');
    expect(error.message).toContain(problem);
    expect(error.hint).toBeTruthy();
  });

  it("accepts the same lines inside a closed code block or indented", () => {
    const source = "````md\n<!-- #x -->\n```sql {#y}\n````\n <!-- #z -->\n    ```sql {#w}";
    expect(parseNotebook(writeNotebook(withCells(prose(source)))).notebook.cells[0]?.source).toBe(source);
  });

  it.each<[string, Notebook, RegExp]>([
    ["an invalid id", withCells({ ...sql(""), id: "1q" }), /cell id "1q" is not valid/],
    ["duplicate ids", withCells(sql(""), sql("")), /two cells have the id "q"/],
    ["an invalid kind", withCells({ ...sql(""), kind: "my kind" }), /invalid kind "my kind"/],
    [
      "attributes on prose",
      withCells({ ...prose("x"), attrs: [{ key: "a" }] }),
      /markdown cell "p" has attributes/,
    ],
    ["an invalid attribute name", withCells(sql("", [{ key: "a b" }])), /invalid attribute name "a b"/],
    ["a line break in a value", withCells(sql("", [{ key: "a", value: "x\ny" }])), /contains a line break/],
    [
      "a newer version",
      { meta: { lakebook: 2 }, cells: [] },
      /lakebook: 2, but this Lakebook writes version 1/,
    ],
    [
      "an invalid target",
      { meta: { target: { kind: "aws", bucket: "b" } }, cells: [] },
      /"target.region" is missing/,
    ],
    ["a title that is not text", { meta: { title: 42 }, cells: [] }, /"title" is not text/],
    [
      "a value that is not plain data",
      { meta: { when: new Date(0) }, cells: [] },
      /front matter.when .*not plain data/,
    ],
    [
      "a number YAML cannot keep",
      { meta: { x: Number.NaN }, cells: [] },
      /front matter.x is not a finite number/,
    ],
  ])("%s", (_what, nb, message) => {
    const error = refused(nb);
    expect(error.code).toBe("NOTEBOOK_UNWRITABLE");
    expect(error.message).toMatch(message);
  });
});
