import { describe, expect, it } from "vitest";
import { type Cell, changeCellKind, parseNotebook, writeNotebook } from "../../../pipeline/document";

const cell = (kind: string, source: string, attrs: Cell["attrs"] = []): Cell => ({
  id: "c",
  kind,
  attrs,
  source,
});

describe("changeCellKind", () => {
  it("keeps the id, the text and the settings between kinds that take any text", () => {
    const sql = cell("sql", "SELECT 1", [{ key: "engine", value: "athena" }]);
    expect(changeCellKind(sql, "check")).toEqual({ fits: true, cell: { ...sql, kind: "check" } });
    expect(changeCellKind(cell("markdown", "# Title\nprose"), "sql")).toEqual({
      fits: true,
      cell: cell("sql", "# Title\nprose"),
    });
  });

  it("turns code into prose without its settings, which prose cannot carry", () => {
    const change = changeCellKind(cell("sql", "SELECT 1", [{ key: "engine", value: "local" }]), "markdown");
    expect(change).toEqual({ fits: true, cell: cell("markdown", "SELECT 1") });
  });

  it("refuses prose the file could not keep as prose (a line that reads as a cell fence)", () => {
    const source = "before\n```sql {#other}\nSELECT 1\n```";
    expect(changeCellKind(cell("transform", source), "markdown")).toEqual({ fits: false, expected: "prose" });
  });

  it("keeps a chart's JSON object and a settings cell's YAML mapping, and says what other text is not", () => {
    expect(changeCellKind(cell("sql", '{"mark": "bar"}'), "chart").fits).toBe(true);
    expect(changeCellKind(cell("sql", "SELECT 1"), "chart")).toEqual({ fits: false, expected: "json" });
    expect(changeCellKind(cell("sql", "[1, 2]"), "chart")).toEqual({ fits: false, expected: "json" });
    expect(changeCellKind(cell("markdown", "file: data/movies.csv"), "ingest").fits).toBe(true);
    expect(changeCellKind(cell("sql", "SELECT 1"), "ingest")).toEqual({ fits: false, expected: "yaml" });
    expect(changeCellKind(cell("sql", "a: [unclosed"), "publish")).toEqual({ fits: false, expected: "yaml" });
  });

  it("takes an empty text as a body of any kind", () => {
    for (const kind of ["chart", "ingest", "markdown", "tmdb"])
      expect(changeCellKind(cell("sql", "  \n"), kind).fits).toBe(true);
  });

  it("gives cells the canonical writer writes and the reader reads back as the new kind", () => {
    const changed = changeCellKind(cell("sql", "SELECT 1\n-- the end"), "markdown");
    if (!changed.fits) throw new Error("expected to fit");
    const notebook = { meta: { lakebook: 1 }, cells: [changed.cell] };
    expect(parseNotebook(writeNotebook(notebook)).notebook.cells).toEqual([changed.cell]);
  });
});
