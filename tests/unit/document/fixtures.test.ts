import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { notebookTarget, notebookTitle, parseNotebook, writeNotebook } from "../../../pipeline/document";

const DIR = join(import.meta.dirname, "../../fixtures/notebooks");
const read = (name: string) => readFileSync(join(DIR, name), "utf8");
const canonical = readdirSync(DIR).filter((name) => name.endsWith(".lakebook.md"));

describe("fixture notebooks", () => {
  it("has canonical fixtures to check", () => {
    expect(canonical.length).toBeGreaterThanOrEqual(2);
  });

  it.each(canonical)("%s round-trips byte for byte", (name) => {
    const text = read(name);
    const { notebook, migratedFrom } = parseNotebook(text, name);
    expect(migratedFrom).toBeUndefined();
    expect(writeNotebook(notebook)).toBe(text);
  });

  it.each(canonical)("%s reads the same with CRLF line endings", (name) => {
    const text = read(name);
    expect(parseNotebook(text.replace(/\n/g, "\r\n"), name)).toStrictEqual(parseNotebook(text, name));
  });

  it("the example in pipeline/document/FORMAT.md is canonical", () => {
    const doc = readFileSync(join(import.meta.dirname, "../../../pipeline/document/FORMAT.md"), "utf8");
    const example = /^````text\n([\s\S]*?\n)````$/m.exec(doc)?.[1];
    expect(example).toBeDefined();
    expect(writeNotebook(parseNotebook(example ?? "").notebook)).toBe(example);
  });

  it("reads the horror notebook into cells", () => {
    const { notebook } = parseNotebook(read("horror-subgenres.lakebook.md"));
    expect(notebookTitle(notebook)).toBe("Horror subgenres");
    expect(notebookTarget(notebook)).toEqual({ kind: "local" });
    expect(notebook.cells.map((c) => [c.id, c.kind])).toEqual([
      ["intro", "markdown"],
      ["ingest_movies", "ingest"],
      ["top_subgenres", "sql"],
    ]);
    expect(notebook.cells[2]).toStrictEqual({
      id: "top_subgenres",
      kind: "sql",
      attrs: [
        { key: "engine", value: "local" },
        { key: "label", value: "Top subgenres" },
      ],
      source: "SELECT 1",
    });
  });

  it("keeps unknown kinds, unknown attributes, extra front matter and nested fences in the AWS notebook", () => {
    const { notebook } = parseNotebook(read("aws-lake.lakebook.md"));
    expect(notebookTarget(notebook)).toMatchObject({
      kind: "aws",
      bucket: "horror-lake-student42",
      region: "eu-west-1",
    });
    expect(notebook.meta).toMatchObject({ course: "DATA-201", tags: ["horror", "tmdb"] });
    const byId = new Map(notebook.cells.map((c) => [c.id, c]));
    expect(byId.get("future_cell")).toStrictEqual({
      id: "future_cell",
      kind: "forecast",
      attrs: [
        { key: "horizon", value: "12" },
        { key: "model", value: "prophet v2" },
        { key: "experimental" },
      ],
      source: "a cell kind this Lakebook does not know; kept as written",
    });
    // The example cell and marker inside the prose code block are text, not cells.
    expect(byId.has("example")).toBe(false);
    expect(byId.has("not_a_marker")).toBe(false);
    expect(byId.get("intro")?.source).toContain("<!-- #not_a_marker -->");
    expect(byId.get("doc_query")?.source).toBe("-- ```not a fence\nSELECT '```' AS ticks\n\n```");
    expect(byId.get("empty_note")?.source).toBe("");
    expect(byId.get("publish_dashboard")?.source).toBe("");
  });
});
