import { attr, type Notebook } from "../../../pipeline/document/model";
import type { DependencyCell } from "./stale";

const TABLE_AFTER = /\b(?:FROM|JOIN)\s+([A-Za-z_]\w*\.[A-Za-z_]\w*)/gi;
const WRITTEN_BY =
  /\b(?:INSERT\s+(?:INTO|OVERWRITE)(?:\s+TABLE)?|CREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|VIEW))\s+([A-Za-z_]\w*\.[A-Za-z_]\w*)/gi;

function matches(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((m) => (m[1] as string).toLowerCase());
}

/**
 * A rough guess at reads and writes, used only while the service cannot answer
 * `notebook.dependencies` (an older service): `db.table` after FROM/JOIN, the `output=` attribute,
 * and a chart's or publish cell's `source=` / `charts:` cell ids.
 */
export function inferDependencies(notebook: Notebook): DependencyCell[] {
  return notebook.cells.map((cell) => {
    const reads = new Set<string>();
    const writes = new Set<string>();
    if (cell.kind !== "markdown") {
      for (const table of matches(TABLE_AFTER, cell.source)) reads.add(table);
      for (const table of matches(WRITTEN_BY, cell.source)) writes.add(table);
    }
    const output = attr(cell, "output");
    if (output) writes.add(output.toLowerCase());
    const source = attr(cell, "source");
    if (source) reads.add(source);
    if (cell.kind === "ingest") {
      const dataset = /^dataset:\s*(\w+)/m.exec(cell.source)?.[1];
      if (dataset) writes.add(`raw.${dataset.toLowerCase()}`);
    }
    if (cell.kind === "publish") {
      const charts = /^charts:\s*\[([^\]]*)\]/m.exec(cell.source)?.[1] ?? "";
      for (const id of charts.split(",").map((s) => s.trim())) if (id) reads.add(id);
    }
    for (const table of writes) reads.delete(table);
    return { id: cell.id, reads: [...reads], writes: [...writes] };
  });
}
