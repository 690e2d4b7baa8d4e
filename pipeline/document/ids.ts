/**
 * Generated cell ids. They are deterministic (no randomness: the same file always gets the same ids, so
 * tests and diffs are stable) and never collide with an id already in the notebook.
 */
import type { Notebook } from "./model";
import { KIND_PATTERN } from "./syntax";

/** `md` for prose, the kind itself when it is a valid id, else `cell`. */
export function idPrefix(kind: string): string {
  if (kind === "markdown") return "md";
  return KIND_PATTERN.test(kind) ? kind : "cell";
}

/**
 * `<prefix>_<n>` with n one above the highest number already used for that prefix. Not filling gaps
 * means a deleted cell's id is not handed straight to a new, unrelated cell.
 */
export function nextCellId(kind: string, taken: ReadonlySet<string>): string {
  const prefix = `${idPrefix(kind)}_`;
  let highest = 0;
  for (const id of taken) {
    const rest = id.startsWith(prefix) ? id.slice(prefix.length) : "";
    if (/^\d{1,9}$/.test(rest)) highest = Math.max(highest, Number(rest));
  }
  let n = highest + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** An id for a new cell of `kind` that no cell in `nb` uses yet. */
export function newCellId(nb: Notebook, kind: string): string {
  return nextCellId(kind, new Set(nb.cells.map((c) => c.id)));
}
