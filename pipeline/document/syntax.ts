/**
 * Line-level syntax shared by the reader and the writer. Both sides classify lines with these same
 * functions, so the writer can tell exactly which prose lines the reader would misread.
 */
import { isKnownCellKind } from "./model";

/** Cell ids and kinds: a letter, then letters, digits, `_` or `-`. */
export const ID_PATTERN = /^[A-Za-z][\w-]*$/;
export const KIND_PATTERN = ID_PATTERN;

export function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/** An opening code fence as CommonMark sees it (up to 3 spaces of indent, 3+ backticks or tildes). */
export interface Fence {
  char: "`" | "~";
  length: number;
  indent: number;
  /** The info string, trimmed. */
  info: string;
  /** 0-based offset of `info` within the line, for error columns. */
  infoOffset: number;
}

export function openingFence(line: string): Fence | undefined {
  // [\s\S]* rather than .*: "." stops at U+2028/U+2029, which are ordinary characters in a line here.
  const m = /^( {0,3})(`{3,}|~{3,})([\s\S]*)$/.exec(line);
  if (!m) return undefined;
  const indent = m[1] ?? "";
  const run = m[2] ?? "";
  const rest = m[3] ?? "";
  // CommonMark: a backtick fence's info string may not contain backticks (else the line is inline code).
  if (run.startsWith("`") && rest.includes("`")) return undefined;
  // Only spaces and tabs are trimmed: String.trim would also eat Unicode spaces that belong to the text.
  const lead = rest.length - rest.replace(/^[ \t]+/, "").length;
  return {
    char: run.startsWith("`") ? "`" : "~",
    length: run.length,
    indent: indent.length,
    info: rest.replace(/^[ \t]+|[ \t]+$/g, ""),
    infoOffset: indent.length + run.length + lead,
  };
}

export function closesFence(line: string, fence: Fence): boolean {
  const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  const run = m?.[1];
  return run?.startsWith(fence.char) === true && run.length >= fence.length;
}

/** `<!-- #id -->`, loosely (so a typo in the id is reported rather than silently turned into prose). */
const MARKER = /^<!--[ \t]*#(\S*?)[ \t]*-->[ \t]*$/;

/** An info string that is trying to be a cell: `kind {`…. Anything else is an ordinary code block. */
const CELL_INFO = /^[A-Za-z][\w-]*[ \t]*\{/;

export interface ReadDialect {
  /** Version 0 (plain Markdown): a fence whose info is exactly a known kind becomes a cell. */
  bareKnownKindsAreCells: boolean;
}

export type LineClass =
  | { type: "marker"; id: string; idColumn: number }
  | { type: "cell"; fence: Fence }
  | { type: "fence"; fence: Fence }
  | { type: "text" };

/** What a line means when it is NOT inside any code block. */
export function classifyLine(line: string, dialect: ReadDialect): LineClass {
  const marker = MARKER.exec(line);
  if (marker) return { type: "marker", id: marker[1] ?? "", idColumn: line.indexOf("#") + 1 };
  const fence = openingFence(line);
  if (!fence) return { type: "text" };
  // Cells start at column 1; an indented fence is always Markdown (e.g. inside a list item).
  if (fence.indent === 0 && (CELL_INFO.test(fence.info) || isBareCell(fence.info, dialect))) {
    return { type: "cell", fence };
  }
  return { type: "fence", fence };
}

function isBareCell(info: string, dialect: ReadDialect): boolean {
  // "markdown" is prose by definition; a ```markdown block in a plain file is an example, not a cell.
  return dialect.bareKnownKindsAreCells && info !== "markdown" && isKnownCellKind(info);
}

export function hasBraces(info: string): boolean {
  return CELL_INFO.test(info);
}
