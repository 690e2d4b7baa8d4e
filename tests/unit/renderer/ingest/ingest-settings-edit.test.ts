import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { setIngestFile, yamlScalar } from "../../../../renderer/src/cells/ingest/ingest-settings-edit";

/** What the ingest stage would read: the tests check meaning with the real YAML parser, not only text. */
const read = (source: string) => {
  const doc = parseDocument(source);
  expect(doc.errors, source).toEqual([]);
  return doc.toJS() as Record<string, unknown>;
};

describe("setIngestFile: the cell's YAML names the uploaded file", () => {
  it("replaces file: and keeps the other keys, comments and order", () => {
    const source =
      "# Stage 1\ndataset: movies   # from the header\nfile: data/old.csv  # the big one\ndate: 2026-01-05";
    const edited = setIngestFile(source, { file: "data/movies.csv" });
    expect(edited).toBe(
      "# Stage 1\ndataset: movies   # from the header\nfile: data/movies.csv  # the big one\ndate: 2026-01-05",
    );
    expect(read(edited)).toEqual({ dataset: "movies", file: "data/movies.csv", date: "2026-01-05" });
  });

  it("sets dataset when the header says so, in place or above file:", () => {
    expect(
      setIngestFile("dataset: movies\nfile: data/a.csv", { file: "data/series.csv", dataset: "series" }),
    ).toBe("dataset: series\nfile: data/series.csv");
    expect(
      setIngestFile("file: data/a.csv\ndate: 2026-01-05", { file: "data/s.csv", dataset: "series" }),
    ).toBe("dataset: series\nfile: data/s.csv\ndate: 2026-01-05");
  });

  it("leaves dataset alone when the header said nothing", () => {
    expect(setIngestFile("dataset: movies\nfile: data/a.csv", { file: "data/b.csv" })).toBe(
      "dataset: movies\nfile: data/b.csv",
    );
  });

  it("fills an empty cell", () => {
    expect(setIngestFile("", { file: "data/movies.csv", dataset: "movies" })).toBe(
      "dataset: movies\nfile: data/movies.csv",
    );
    expect(setIngestFile("", { file: "data/x.csv" })).toBe("file: data/x.csv");
  });

  it("puts a new file: after dataset, or before the first key", () => {
    expect(setIngestFile("dataset: movies\ndate: 2026-01-05", { file: "data/m.csv" })).toBe(
      "dataset: movies\nfile: data/m.csv\ndate: 2026-01-05",
    );
    expect(setIngestFile("# notes\ndate: 2026-01-05\n", { file: "data/m.csv" })).toBe(
      "# notes\nfile: data/m.csv\ndate: 2026-01-05\n",
    );
  });

  it("turns files: (block or flow list) into file:, since the stage refuses both", () => {
    const block = "dataset: movies\nfiles:\n  - data/a.csv\n  - data/b.csv\ndate: 2026-01-05";
    expect(setIngestFile(block, { file: "data/c.csv" })).toBe(
      "dataset: movies\nfile: data/c.csv\ndate: 2026-01-05",
    );
    const column0 = "files:\n- data/a.csv\n\n# more\n- data/b.csv\ndate: 2026-01-05";
    expect(read(setIngestFile(column0, { file: "data/c.csv" }))).toEqual({
      file: "data/c.csv",
      date: "2026-01-05",
    });
    expect(setIngestFile("files: [data/a.csv, data/b.csv]", { file: "data/c.csv" })).toBe("file: data/c.csv");
  });

  it("replaces a value written over several lines", () => {
    const source = "file: >-\n  data/folded.csv\ndate: 2026-01-05";
    expect(read(setIngestFile(source, { file: "data/m.csv" }))).toEqual({
      file: "data/m.csv",
      date: "2026-01-05",
    });
  });

  it("keeps Windows line endings and the final newline", () => {
    expect(setIngestFile("dataset: movies\r\nfile: data/a.csv\r\n", { file: "data/b.csv" })).toBe(
      "dataset: movies\r\nfile: data/b.csv\r\n",
    );
  });

  it("quotes a name YAML would misread, and the stage reads it back exactly", () => {
    for (const name of [
      "data/my movies.csv",
      "data/a: b.csv",
      "data/#1.csv",
      'data/"quoted".csv',
      "data/filmes-ção.csv",
      "data/it's.csv",
      "data/[x].csv",
    ]) {
      expect(read(setIngestFile("dataset: movies\nfile: data/a.csv # note", { file: name })).file, name).toBe(
        name,
      );
    }
    expect(yamlScalar("data/movies.csv")).toBe("data/movies.csv");
    expect(yamlScalar("true")).toBe('"true"');
    expect(yamlScalar("1.5")).toBe('"1.5"');
  });

  it("does not mistake a # inside quotes for a comment", () => {
    const source = 'file: "data/a #1.csv"  # note\ndate: 2026-01-05';
    expect(setIngestFile(source, { file: "data/b.csv" })).toBe("file: data/b.csv  # note\ndate: 2026-01-05");
  });

  it("rewrites a body it cannot edit line by line, keeping the old text as comments", () => {
    const edited = setIngestFile("{dataset: movies, file: data/a.csv, date: 2026-01-05}", {
      file: "data/b.csv",
      dataset: "series",
    });
    expect(read(edited)).toEqual({ dataset: "series", file: "data/b.csv" });
    expect(edited).toContain("# {dataset: movies, file: data/a.csv, date: 2026-01-05}");
  });
});
