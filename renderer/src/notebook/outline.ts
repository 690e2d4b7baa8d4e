import type { Cell } from "../../../pipeline/document";

export interface OutlineHeading {
  cellId: string;
  level: number;
  text: string;
}

/**
 * The notebook's headings, in order: every ATX heading (`#` to `###`) of every Markdown cell, outside
 * code fences. Jupyter's table of contents does the same, and for a 42-cell notebook it is the map.
 */
export function notebookOutline(cells: readonly Cell[]): OutlineHeading[] {
  const headings: OutlineHeading[] = [];
  for (const cell of cells) {
    if (cell.kind !== "markdown") continue;
    let fenced = false;
    for (const line of cell.source.split("\n")) {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      const found = fenced ? null : /^(#{1,3})\s+(.+?)\s*#*\s*$/.exec(line);
      if (found?.[1] && found[2]) headings.push({ cellId: cell.id, level: found[1].length, text: found[2] });
    }
  }
  return headings;
}
