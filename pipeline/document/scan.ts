/**
 * Splits the body (everything after the front matter) into cells. Prose runs from a marker to the next
 * marker or cell fence; Markdown code blocks inside prose are tracked so that a marker or cell fence
 * inside one is just text. Ids are checked and generated later (parse.ts), once all explicit ids are known.
 */
import { NotebookFileError, NotebookParseError } from "./errors";
import { InfoSyntaxError, type ParsedInfo, parseInfoString } from "./infoString";
import type { CellAttribute } from "./model";
import { SECRET_HINT, secretProblem } from "./secrets";
import {
  classifyLine,
  closesFence,
  type Fence,
  hasBraces,
  ID_PATTERN,
  isBlank,
  type ReadDialect,
} from "./syntax";

export interface ScannedCell {
  /** Undefined for prose without a marker and (version 0) bare fences: parse.ts generates one. */
  id: string | undefined;
  kind: string;
  attrs: CellAttribute[];
  source: string;
  /** 1-based position of the id (or of the cell's first line), for duplicate-id errors. */
  line: number;
  column: number;
}

interface ProseRun {
  id: string | undefined;
  line: number;
  column: number;
  lines: string[];
}

export function scanBody(
  lines: readonly string[],
  start: number,
  dialect: ReadDialect,
  file: string,
): ScannedCell[] {
  const cells: ScannedCell[] = [];
  let prose: ProseRun | undefined;
  let proseFence: { fence: Fence; line: number } | undefined;

  const flush = () => {
    if (!prose) return;
    const body = trimBlankLines(prose.lines);
    // Blank lines between cells are layout, not an anonymous empty cell; a marker always makes a cell.
    if (prose.id !== undefined || body.length > 0) {
      const { id, line, column } = prose;
      cells.push({ id, kind: "markdown", attrs: [], source: body.join("\n"), line, column });
    }
    prose = undefined;
  };

  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (proseFence && prose) {
      prose.lines.push(line);
      if (closesFence(line, proseFence.fence)) proseFence = undefined;
      continue;
    }
    const kind = classifyLine(line, dialect);
    if (kind.type === "marker") {
      if (!ID_PATTERN.test(kind.id)) {
        throw new NotebookParseError(
          file,
          i + 1,
          kind.idColumn,
          "bad cell marker",
          "an id like <!-- #my_cell -->",
        );
      }
      flush();
      prose = { id: kind.id, line: i + 1, column: kind.idColumn, lines: [] };
    } else if (kind.type === "cell") {
      flush();
      const info = readInfo(kind.fence, i + 1, file); // a bad info string is the more precise error
      const end = closingLine(lines, i, kind.fence, file);
      cells.push({ ...info, source: lines.slice(i + 1, end).join("\n") });
      i = end;
    } else if (kind.type === "fence" || !isBlank(line) || prose) {
      prose ??= { id: undefined, line: i + 1, column: 1, lines: [] };
      prose.lines.push(line);
      if (kind.type === "fence") proseFence = { fence: kind.fence, line: i + 1 };
    }
  }
  if (proseFence) {
    const { fence, line } = proseFence;
    const closing = fence.char.repeat(fence.length);
    throw new NotebookParseError(
      file,
      line,
      fence.indent + 1,
      "unterminated code block in prose",
      `a closing ${closing} line`,
    );
  }
  flush();
  return cells;
}

/** Index of the line that closes the fence opened on line index `open`. */
function closingLine(lines: readonly string[], open: number, fence: Fence, file: string): number {
  for (let j = open + 1; j < lines.length; j++) {
    if (closesFence(lines[j] ?? "", fence)) return j;
  }
  const closing = fence.char.repeat(fence.length);
  throw new NotebookParseError(file, open + 1, 1, "unterminated code cell", `a closing ${closing} line`);
}

function readInfo(fence: Fence, line: number, file: string): Omit<ScannedCell, "source"> {
  const column = (offset: number) => fence.infoOffset + offset + 1;
  if (!hasBraces(fence.info)) {
    // Version 0: a bare ```sql block. It gets an id later.
    return { id: undefined, kind: fence.info, attrs: [], line, column: column(0) };
  }
  let info: ParsedInfo;
  try {
    info = parseInfoString(fence.info);
  } catch (error) {
    if (!(error instanceof InfoSyntaxError)) throw error;
    throw new NotebookParseError(file, line, column(error.offset), error.problem, error.expected);
  }
  if (info.kind === "markdown") {
    throw new NotebookParseError(
      file,
      line,
      column(0),
      "a markdown cell cannot be a code block",
      "prose after <!-- #id -->",
    );
  }
  for (const [k, { key, value }] of info.attrs.entries()) {
    const problem = secretProblem(key, value, key);
    if (problem) {
      const where = { file, line, column: column(info.attrOffsets[k] ?? 0) };
      throw new NotebookFileError("NOTEBOOK_HAS_SECRET", where, `cell "${info.id}": ${problem}`, {
        hint: SECRET_HINT,
      });
    }
  }
  return { id: info.id, kind: info.kind, attrs: info.attrs, line, column: column(info.idOffset) };
}

export function trimBlankLines(lines: readonly string[]): string[] {
  let from = 0;
  let to = lines.length;
  while (from < to && isBlank(lines[from] ?? "")) from++;
  while (to > from && isBlank(lines[to - 1] ?? "")) to--;
  return lines.slice(from, to);
}
