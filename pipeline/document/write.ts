/**
 * The one canonical writer. It never silently changes meaning: anything it cannot put in the file so
 * that the reader gives it back unchanged (a prose line that would read as a marker, a secret, an
 * invalid id) is refused with a LakebookError. Line endings become LF and prose loses leading and
 * trailing blank lines; both are layout, not content.
 */
import { LakebookError } from "../contract/errors";
import { unwritable } from "./errors";
import { formatInfoString, isValidAttributeKey } from "./infoString";
import type { Cell, Notebook } from "./model";
import { trimBlankLines } from "./scan";
import { SECRET_HINT, secretProblem } from "./secrets";
import { classifyLine, closesFence, type Fence, ID_PATTERN, KIND_PATTERN } from "./syntax";
import { formatFrontMatter } from "./writeFrontMatter";

export function writeNotebook(notebook: Notebook): string {
  const seen = new Set<string>();
  const cells = notebook.cells.map((cell) => {
    if (!ID_PATTERN.test(cell.id)) throw unwritable(`cell id "${cell.id}" is not valid`, ID_HINT);
    if (seen.has(cell.id)) {
      throw unwritable(`two cells have the id "${cell.id}"`, "Give each cell its own id.");
    }
    seen.add(cell.id);
    return cell.kind === "markdown" ? formatProse(cell) : formatCode(cell);
  });
  return `${[formatFrontMatter(notebook.meta), ...cells].join("\n\n")}\n`;
}

const ID_HINT = "Ids start with a letter, then letters, digits, _ or -.";
const V1 = { bareKnownKindsAreCells: false };

function toLines(source: string): string[] {
  return source === "" ? [] : source.replace(/\r\n?/g, "\n").split("\n");
}

function formatProse(cell: Cell): string {
  if (cell.attrs.length > 0) {
    throw unwritable(`markdown cell "${cell.id}" has attributes`, "Prose cells carry only an id.");
  }
  const lines = trimBlankLines(toLines(cell.source));
  checkProse(cell.id, lines);
  return [`<!-- #${cell.id} -->`, ...lines].join("\n");
}

/** Refuses prose the reader would split differently: top-level markers, cell fences, open code blocks. */
function checkProse(id: string, lines: readonly string[]): void {
  let open: { fence: Fence; line: number } | undefined;
  for (const [i, line] of lines.entries()) {
    if (open) {
      if (closesFence(line, open.fence)) open = undefined;
      continue;
    }
    const kind = classifyLine(line, V1);
    const where = `markdown cell "${id}", line ${i + 1}`;
    const fix = "Indent the line by a space, or put it inside a ``` code block.";
    if (kind.type === "marker") throw unwritable(`${where} would read as a cell marker: ${line}`, fix);
    if (kind.type === "cell")
      throw unwritable(`${where} would read as the start of a code cell: ${line}`, fix);
    if (kind.type === "fence") open = { fence: kind.fence, line: i + 1 };
  }
  if (open) {
    const closing = open.fence.char.repeat(open.fence.length);
    throw unwritable(
      `markdown cell "${id}", line ${open.line} opens a code block that is never closed`,
      `Close it with a ${closing} line.`,
    );
  }
}

function formatCode(cell: Cell): string {
  const where = `cell "${cell.id}"`;
  if (!KIND_PATTERN.test(cell.kind)) throw unwritable(`${where} has an invalid kind "${cell.kind}"`, ID_HINT);
  for (const { key, value } of cell.attrs) {
    if (!isValidAttributeKey(key)) {
      throw unwritable(`${where} has an invalid attribute name "${key}"`, "Names start with a letter or _.");
    }
    if (value !== undefined && /[\r\n]/.test(value)) {
      throw unwritable(
        `${where}: attribute "${key}" contains a line break`,
        "Attribute values are one line.",
      );
    }
    const problem = secretProblem(key, value, key);
    if (problem)
      throw new LakebookError("NOTEBOOK_HAS_SECRET", `${where}: ${problem}`, { hint: SECRET_HINT });
  }
  const info = formatInfoString(cell.kind, cell.id, cell.attrs);
  const lines = toLines(cell.source);
  // Backticks may not appear in a backtick fence's info string (CommonMark), so such cells use tildes.
  const char = info.includes("`") ? "~" : "`";
  const fence = char.repeat(Math.max(3, longestFenceRun(lines, char) + 1));
  return [`${fence}${info}`, ...lines, fence].join("\n");
}

/** The longest run of `char` that starts a line (after up to 3 spaces), i.e. could close a fence. */
function longestFenceRun(lines: readonly string[], char: "`" | "~"): number {
  const run = char === "`" ? /^ {0,3}(`+)/ : /^ {0,3}(~+)/;
  let longest = 0;
  for (const line of lines) longest = Math.max(longest, run.exec(line)?.[1]?.length ?? 0);
  return longest;
}
