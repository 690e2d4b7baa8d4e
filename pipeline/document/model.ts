/**
 * The notebook as plain data. Everything here is JSON-serialisable on purpose: the model crosses the
 * service boundary (IPC/HTTP) unchanged, and run state (status, outputs) lives elsewhere.
 */

/** The `lakebook:` version the canonical writer emits; older files are migrated on read. */
export const FORMAT_VERSION = 1;

/** Kinds the pipeline knows how to run. Other kinds are kept verbatim so newer files survive older apps. */
export const KNOWN_CELL_KINDS = [
  "markdown",
  "sql",
  "ingest",
  "tmdb",
  "transform",
  "check",
  "chart",
  "publish",
] as const;
export type KnownCellKind = (typeof KNOWN_CELL_KINDS)[number];

/** One `key=value` (or bare `key`) from a cell's info string. `value` is absent for a bare flag. */
export interface CellAttribute {
  key: string;
  value?: string;
}

/** A cell: prose (`kind: "markdown"`, no attrs) or a fenced block of any other kind. */
export interface Cell {
  id: string;
  kind: string;
  attrs: CellAttribute[];
  source: string;
}

export interface Notebook {
  /** Front matter: `lakebook`, `title`, `target`, then any other keys (kept, never interpreted here). */
  meta: Record<string, unknown>;
  cells: Cell[];
}

/** The value of the first attribute named `key`; `""` for a bare flag, `undefined` when absent. */
export function attr(cell: Cell, key: string): string | undefined {
  const found = cell.attrs.find((a) => a.key === key);
  if (!found) return undefined;
  return found.value ?? "";
}

export function isKnownCellKind(kind: string): kind is KnownCellKind {
  return (KNOWN_CELL_KINDS as readonly string[]).includes(kind);
}
