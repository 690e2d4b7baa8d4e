import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  FORMAT_VERSION,
  MIGRATIONS,
  type NotebookFileError,
  parseNotebook,
  writeNotebook,
} from "../../../pipeline/document";
import { file, thrownBy } from "./helpers";

const plain = readFileSync(
  join(import.meta.dirname, "../../fixtures/notebooks/plain-markdown-v0.md"),
  "utf8",
);

describe("format versions", () => {
  it("has one migration per step from 0 up to FORMAT_VERSION", () => {
    expect(MIGRATIONS.map((m) => [m.from, m.to])).toEqual(
      Array.from({ length: FORMAT_VERSION }, (_, v) => [v, v + 1]),
    );
  });

  it("turns a plain Markdown file (version 0) into a notebook, known-kind blocks becoming cells", () => {
    const { notebook, migratedFrom } = parseNotebook(plain, "notes.md");
    expect(migratedFrom).toBe(0);
    expect(notebook.meta).toEqual({ lakebook: 1 });
    expect(notebook.cells.map((c) => [c.id, c.kind])).toEqual([
      ["md_1", "markdown"],
      ["sql_1", "sql"],
      ["md_2", "markdown"],
      ["chart_1", "chart"],
    ]);
    expect(notebook.cells[2]?.source).toContain('```python\nprint("not a cell")\n```');
    expect(writeNotebook(notebook)).toBe(
      file(
        "---",
        "lakebook: 1",
        "---",
        "",
        "<!-- #md_1 -->",
        "# Horror notes",
        "",
        "A plain Markdown file, written before Lakebook existed.",
        "",
        "```sql {#sql_1}",
        "SELECT genre, count(*) FROM movies GROUP BY genre",
        "```",
        "",
        "<!-- #md_2 -->",
        "Some Python that is only an example:",
        "",
        "```python",
        'print("not a cell")',
        "```",
        "",
        "```chart {#chart_1}",
        '{"mark": "bar"}',
        "```",
      ),
    );
  });

  it("treats front matter without lakebook: as version 0 and keeps its keys", () => {
    const { notebook, migratedFrom } = parseNotebook(
      file("---", "title: Notes", "---", "", "```sql", "SELECT 2", "```"),
    );
    expect(migratedFrom).toBe(0);
    expect(notebook).toStrictEqual({
      meta: { lakebook: 1, title: "Notes" },
      cells: [{ id: "sql_1", kind: "sql", attrs: [], source: "SELECT 2" }],
    });
  });

  it("in version 0, keeps ```markdown and unknown languages as prose, and honours explicit ids", () => {
    const text = file(
      "```markdown",
      "*example*",
      "```",
      "",
      "```sql {#sql_1}",
      "SELECT 1",
      "```",
      "",
      "```sql",
      "SELECT 2",
      "```",
    );
    const { notebook } = parseNotebook(text);
    expect(notebook.cells.map((c) => [c.id, c.kind])).toEqual([
      ["md_1", "markdown"],
      ["sql_1", "sql"],
      ["sql_2", "sql"],
    ]);
  });

  it("in version 1, a bare ```sql block is Markdown inside prose", () => {
    const { notebook } = parseNotebook(
      file("---", "lakebook: 1", "---", "", "<!-- #p -->", "```sql", "SELECT 1", "```"),
    );
    expect(notebook.cells).toStrictEqual([
      { id: "p", kind: "markdown", attrs: [], source: "```sql\nSELECT 1\n```" },
    ]);
  });

  it("refuses a file from a newer Lakebook, pointing at the version", () => {
    const error = thrownBy<NotebookFileError>(() =>
      parseNotebook(file("---", "title: Later", "lakebook: 2", "---"), "future.lakebook.md"),
    );
    expect(error.code).toBe("NOTEBOOK_TOO_NEW");
    expect(error.message).toBe(
      "future.lakebook.md:3:11: this notebook uses format version 2, but this Lakebook reads versions up to 1",
    );
    expect([error.line, error.column]).toEqual([3, 11]);
    expect(error.hint).toMatch(/Update Lakebook/);
  });
});
