/**
 * Changing a cell's kind (sql → markdown, sql → chart…): the cell keeps its id, and its text when the
 * new kind can read it. Pure, so the UI and the tests decide the same way.
 */
import { parse as parseYaml } from "yaml";
import type { Cell } from "./model";
import { writeNotebook } from "./write";

/** What a kind's body must be, for the kinds whose body has a shape; other kinds take any text. */
export type BodyShape = "prose" | "json" | "yaml";

const SHAPES: Readonly<Record<string, BodyShape>> = {
  markdown: "prose",
  chart: "json",
  ingest: "yaml",
  tmdb: "yaml",
  publish: "yaml",
};

/** The body shape `kind` asks for; undefined for SQL-like kinds (sql, check, transform) and unknown kinds. */
export function bodyShape(kind: string): BodyShape | undefined {
  return SHAPES[kind];
}

export type KindChange =
  /** The cell as the new kind: same id and text. */
  | { fits: true; cell: Cell }
  /** The text is not a body of the new kind: the caller asks, or starts from that kind's starter. */
  | { fits: false; expected: BodyShape };

/**
 * `cell` as a `kind` cell. Prose carries no settings, so attributes go when it becomes markdown; a
 * code kind keeps them (the file keeps any `key=value`, and a stage reads only its own keys).
 */
export function changeCellKind(cell: Cell, kind: string): KindChange {
  const attrs = kind === "markdown" ? [] : cell.attrs.map((a) => ({ ...a }));
  const next: Cell = { id: cell.id, kind, attrs, source: cell.source };
  const expected = bodyShape(kind);
  if (!expected || next.source.trim() === "" || fitsShape(next, expected)) return { fits: true, cell: next };
  return { fits: false, expected };
}

function fitsShape(cell: Cell, shape: BodyShape): boolean {
  try {
    if (shape === "json") return isMapping(JSON.parse(cell.source));
    if (shape === "yaml") return isMapping(parseYaml(cell.source));
    // Prose the writer would put back differently (a line reading as a marker or a cell fence, a
    // code block never closed) is refused by it: asking it is the one rule.
    writeNotebook({ meta: { lakebook: 1 }, cells: [cell] });
    return true;
  } catch {
    return false;
  }
}

const isMapping = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);
