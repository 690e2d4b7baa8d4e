import { describe, expect, it } from "vitest";
import type { LakebookError } from "../../../pipeline/contract/errors";
import {
  attr,
  type Cell,
  KNOWN_CELL_KINDS,
  type Notebook,
  newCellId,
  notebookTarget,
  notebookTitle,
} from "../../../pipeline/document";
import { thrownBy } from "./helpers";

const cell = (id: string, kind = "sql", source = ""): Cell => ({ id, kind, attrs: [], source });
const nb = (cells: Cell[], meta: Record<string, unknown> = { lakebook: 1 }): Notebook => ({ meta, cells });

describe("attr", () => {
  const c: Cell = {
    ...cell("q"),
    attrs: [{ key: "engine", value: "local" }, { key: "cached" }, { key: "engine", value: "glue" }],
  };
  it("returns the first value, an empty string for a bare flag, undefined when absent", () => {
    expect(attr(c, "engine")).toBe("local");
    expect(attr(c, "cached")).toBe("");
    expect(attr(c, "label")).toBeUndefined();
  });
});

describe("newCellId", () => {
  it("numbers per kind, one above the highest used, and never collides", () => {
    expect(newCellId(nb([]), "sql")).toBe("sql_1");
    expect(newCellId(nb([cell("sql_1"), cell("sql_4"), cell("chart_9")]), "sql")).toBe("sql_5");
    expect(newCellId(nb([cell("md_1", "markdown")]), "markdown")).toBe("md_2");
    expect(newCellId(nb([cell("sql_x")]), "sql")).toBe("sql_1");
  });

  it("falls back to cell_<n> for a kind that is not a valid id", () => {
    expect(newCellId(nb([]), "my kind")).toBe("cell_1");
  });

  it("is deterministic", () => {
    const notebook = nb([cell("a"), cell("sql_2")]);
    expect(newCellId(notebook, "sql")).toBe(newCellId(notebook, "sql"));
  });
});

describe("notebookTitle", () => {
  it("prefers title:, then the first heading, then a placeholder", () => {
    expect(notebookTitle(nb([], { title: "  Horror  " }))).toBe("Horror");
    expect(notebookTitle(nb([cell("p", "markdown", "Intro\n\n## Which subgenres? ##")]))).toBe(
      "Which subgenres?",
    );
    expect(notebookTitle(nb([cell("q", "sql", "# not a heading")]))).toBe("Untitled notebook");
  });
});

describe("notebookTarget", () => {
  it("defaults to the local lake", () => {
    expect(notebookTarget(nb([]))).toEqual({ kind: "local" });
  });

  it("returns an AWS target with its names, keeping extra keys", () => {
    const target = {
      kind: "aws",
      bucket: "lake",
      region: "eu-west-1",
      profile: "student",
      athenaOutput: "s3://x/",
      extra: 1,
    };
    expect(notebookTarget(nb([], { lakebook: 1, target }))).toEqual(target);
  });

  it("throws a LakebookError naming the field for an invalid target", () => {
    const error = thrownBy<LakebookError>(() =>
      notebookTarget(nb([], { target: { kind: "aws", region: "r" } })),
    );
    expect(error.code).toBe("NOTEBOOK_INVALID");
    expect(error.message).toContain('"target.bucket" is missing');
  });
});

describe("KNOWN_CELL_KINDS", () => {
  it("lists the kinds the pipeline runs", () => {
    expect(KNOWN_CELL_KINDS).toEqual([
      "markdown",
      "sql",
      "ingest",
      "tmdb",
      "transform",
      "check",
      "chart",
      "publish",
    ]);
  });
});
