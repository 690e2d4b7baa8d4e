/** The reader: text → Notebook, migrating old versions and refusing files it cannot read safely. */
import { NotebookParseError } from "./errors";
import { readFrontMatter } from "./frontMatter";
import { nextCellId } from "./ids";
import { dialectFor, migrate } from "./migrations";
import { type Cell, FORMAT_VERSION, type Notebook } from "./model";
import type { ScannedCell } from "./scan";
import { scanBody } from "./scan";

export interface ParsedNotebook {
  notebook: Notebook;
  /** Set when the file had an older format version; it will be upgraded when saved. */
  migratedFrom?: number;
}

export function parseNotebook(text: string, fileName = "notebook.lakebook.md"): ParsedNotebook {
  const lines = toLines(text);
  const front = readFrontMatter(lines, fileName);
  const scanned = scanBody(lines, front.bodyStart, dialectFor(front.version), fileName);
  const notebook: Notebook = { meta: front.meta, cells: assignIds(scanned, fileName) };
  if (front.version === FORMAT_VERSION) return { notebook };
  return { notebook: migrate(notebook, front.version), migratedFrom: front.version };
}

/** LF lines without the final newline; CRLF (and a stray CR or BOM from Windows editors) is normalised. */
export function toLines(text: string): string[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** Rejects duplicate ids, then gives id-less cells generated ids that avoid every explicit one. */
function assignIds(scanned: readonly ScannedCell[], file: string): Cell[] {
  const firstLine = new Map<string, number>();
  for (const cell of scanned) {
    if (cell.id === undefined) continue;
    const earlier = firstLine.get(cell.id);
    if (earlier !== undefined) {
      const problem = `duplicate cell id "${cell.id}" (also on line ${earlier})`;
      throw new NotebookParseError(file, cell.line, cell.column, problem, "a unique id for each cell");
    }
    firstLine.set(cell.id, cell.line);
  }
  const taken = new Set(firstLine.keys());
  return scanned.map(({ id, kind, attrs, source }) => {
    const cellId = id ?? nextCellId(kind, taken);
    taken.add(cellId);
    return { id: cellId, kind, attrs, source };
  });
}
