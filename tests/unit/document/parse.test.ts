import { describe, expect, it } from "vitest";
import { parseNotebook, writeNotebook } from "../../../pipeline/document";
import { file } from "./helpers";

const HEAD = ["---", "lakebook: 1", "---", ""];
const cellsOf = (...lines: string[]) => parseNotebook(file(...HEAD, ...lines)).notebook.cells;

describe("reading cells", () => {
  it("keeps unknown kinds and unknown attributes verbatim, in order", () => {
    const info =
      'forecast {#f horizon=12 model="prophet v2" experimental path=a=b quote="say \\"hi\\" \\\\ bye"}';
    const text = file(...HEAD, `\`\`\`${info}`, "body", "```");
    const { notebook } = parseNotebook(text);
    expect(notebook.cells).toStrictEqual([
      {
        id: "f",
        kind: "forecast",
        attrs: [
          { key: "horizon", value: "12" },
          { key: "model", value: "prophet v2" },
          { key: "experimental" },
          { key: "path", value: "a=b" },
          { key: "quote", value: 'say "hi" \\ bye' },
        ],
        source: "body",
      },
    ]);
    // path=a=b is re-quoted because "=" is not in the writer's unquoted alphabet; everything else is as read.
    expect(writeNotebook(notebook)).toBe(
      file(
        ...HEAD,
        '```forecast {#f horizon=12 model="prophet v2" experimental path="a=b" quote="say \\"hi\\" \\\\ bye"}',
        "body",
        "```",
      ),
    );
  });

  it("accepts spacing inside braces and tilde fences, and writes the canonical form", () => {
    const { notebook } = parseNotebook(
      file(...HEAD, "~~~~ sql   { #q   engine=local }  ", "SELECT 1", "~~~~"),
    );
    expect(notebook.cells).toStrictEqual([
      { id: "q", kind: "sql", attrs: [{ key: "engine", value: "local" }], source: "SELECT 1" },
    ]);
    expect(writeNotebook(notebook)).toBe(file(...HEAD, "```sql {#q engine=local}", "SELECT 1", "```"));
  });

  it("keeps blank lines inside bodies and reads empty bodies", () => {
    expect(
      cellsOf("```sql {#a}", "", "SELECT 1", "", "", "FROM t", "", "```", "```sql {#b}", "```").map(
        (c) => c.source,
      ),
    ).toEqual(["\nSELECT 1\n\n\nFROM t\n", ""]);
  });

  it("closes a cell only with a matching fence of at least the same length", () => {
    const [cell, next] = cellsOf(
      "````sql {#a}",
      "```",
      "~~~~",
      "  ``` ",
      "````x",
      "```sql {#b}",
      "   `````",
      "text",
    );
    expect(cell?.source).toBe("```\n~~~~\n  ``` \n````x\n```sql {#b}");
    expect(next?.source).toBe("text");
  });

  it("gives prose without a marker a generated id that avoids ids used later in the file", () => {
    const cells = cellsOf(
      "Hand-written prose.",
      "",
      "```sql {#q}",
      "```",
      "More prose.",
      "",
      "<!-- #md_1 -->",
      "Marked.",
    );
    expect(cells.map((c) => [c.id, c.kind, c.source])).toEqual([
      ["md_2", "markdown", "Hand-written prose."],
      ["q", "sql", ""],
      ["md_3", "markdown", "More prose."],
      ["md_1", "markdown", "Marked."],
    ]);
  });

  it("treats markers and cell fences inside a prose code block as text", () => {
    const cells = cellsOf(
      "<!-- #p -->",
      "Example:",
      "````md",
      "<!-- #inner -->",
      "```sql {#inner_cell}",
      "```",
      "````",
      "after",
    );
    expect(cells).toStrictEqual([
      {
        id: "p",
        kind: "markdown",
        attrs: [],
        source: "Example:\n````md\n<!-- #inner -->\n```sql {#inner_cell}\n```\n````\nafter",
      },
    ]);
  });

  it("treats an indented {#id} fence as Markdown, not a cell", () => {
    const cells = cellsOf("<!-- #p -->", "- item", "  ```sql {#not_a_cell}", "  SELECT 1", "  ```");
    expect(cells.map((c) => c.id)).toEqual(["p"]);
  });

  it("trims blank lines around prose but keeps a marker with no text as an empty cell", () => {
    const cells = cellsOf(
      "",
      "",
      "<!-- #a -->",
      "",
      "  ",
      "Text",
      "",
      "",
      "<!-- #b -->",
      "",
      "```sql {#c}",
      "```",
    );
    expect(cells.map((c) => [c.id, c.source])).toEqual([
      ["a", "Text"],
      ["b", ""],
      ["c", ""],
    ]);
  });

  it("reads cells with no blank lines between them, and writes one", () => {
    const text = file(
      ...HEAD,
      "<!-- #a -->",
      "Text",
      "```sql {#b}",
      "SELECT 1",
      "```",
      "<!-- #c -->",
      "More",
    );
    const { notebook } = parseNotebook(text);
    expect(notebook.cells.map((c) => c.id)).toEqual(["a", "b", "c"]);
    expect(writeNotebook(notebook)).toBe(
      file(...HEAD, "<!-- #a -->", "Text", "", "```sql {#b}", "SELECT 1", "```", "", "<!-- #c -->", "More"),
    );
  });

  it("accepts loose marker spacing", () => {
    expect(cellsOf("<!--#a-->", "x", "<!--   #b   -->  ", "y").map((c) => c.id)).toEqual(["a", "b"]);
  });

  it("leaves ordinary HTML comments in prose", () => {
    expect(
      cellsOf("<!-- #a -->", "<!-- TODO: check -->", "<!-- #two words -->").map((c) => c.source),
    ).toEqual(["<!-- TODO: check -->\n<!-- #two words -->"]);
  });
});

describe("reading the file as a whole", () => {
  it("normalises CRLF, a stray CR and a byte-order mark", () => {
    const lf = file(...HEAD, "<!-- #a -->", "Text", "", "```sql {#b}", "SELECT 1", "", "```");
    const crlf = `\uFEFF${lf.replace(/\n/g, "\r\n")}`;
    expect(parseNotebook(crlf)).toStrictEqual(parseNotebook(lf));
    expect(parseNotebook(lf.replace("Text\n", "Text\r"))).toStrictEqual(parseNotebook(lf));
    expect(writeNotebook(parseNotebook(crlf).notebook)).toBe(lf);
  });

  it("reads a file without a final newline", () => {
    expect(parseNotebook("---\nlakebook: 1\n---\n\n```sql {#a}\nx\n```").notebook.cells[0]?.source).toBe("x");
  });

  it("reads front matter alone and writes it canonically", () => {
    const { notebook, migratedFrom } = parseNotebook("---\nlakebook: 1\n---");
    expect(migratedFrom).toBeUndefined();
    expect(notebook).toStrictEqual({ meta: { lakebook: 1 }, cells: [] });
    expect(writeNotebook(notebook)).toBe("---\nlakebook: 1\n---\n");
  });

  it("reads an empty file as an empty version-0 notebook", () => {
    expect(parseNotebook("")).toStrictEqual({
      notebook: { meta: { lakebook: 1 }, cells: [] },
      migratedFrom: 0,
    });
  });

  it("keeps unknown front-matter keys, nested, in order", () => {
    const text = file("---", "lakebook: 1", "zeta: 1", "alpha:", "  nested: [1, two]", "title: T", "---");
    const { notebook } = parseNotebook(text);
    expect(Object.keys(notebook.meta)).toEqual(["lakebook", "zeta", "alpha", "title"]);
    expect(notebook.meta.alpha).toEqual({ nested: [1, "two"] });
    expect(writeNotebook(notebook)).toBe(
      file("---", "lakebook: 1", "title: T", "zeta: 1", "alpha:", "  nested:", "    - 1", "    - two", "---"),
    );
  });

  it("drops front-matter comments (documented: the model is plain data)", () => {
    const { notebook } = parseNotebook(file("---", "# course notebook", "lakebook: 1 # version", "---"));
    expect(writeNotebook(notebook)).toBe(file("---", "lakebook: 1", "---"));
  });

  it("returns a JSON-serialisable model", () => {
    const { notebook } = parseNotebook(file(...HEAD, "```sql {#a flag k=v}", "x", "```"));
    expect(JSON.parse(JSON.stringify(notebook))).toStrictEqual(notebook);
  });
});
