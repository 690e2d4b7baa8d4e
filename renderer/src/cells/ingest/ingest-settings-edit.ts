import type { Dataset } from "./dataset-from-header";

/**
 * Edits an ingest cell's YAML so it reads a chosen file, keeping every other key, comment and line
 * as written. The renderer has no YAML library (it may import only the contract and the document
 * model, and the document model exports no YAML editing), so this is a small line edit of
 * top-level keys; a body it cannot read line by line (flow style `{file: …}`) is rewritten with the
 * old text kept below as comments, so nothing the user wrote is lost.
 */
export function setIngestFile(
  source: string,
  choice: { file: string; dataset?: Dataset | undefined },
): string {
  const newline = source.includes("\r\n") ? "\r\n" : "\n";
  const endsWithNewline = /\r?\n$/.test(source);
  const lines = source.length === 0 ? [] : source.replace(/\r?\n$/, "").split(/\r?\n/);
  const fileLine = `file: ${yamlScalar(choice.file)}`;
  const datasetLine = choice.dataset ? `dataset: ${choice.dataset}` : undefined;

  if (!isLineEditable(lines)) {
    const fresh = [datasetLine, fileLine].filter((line) => line !== undefined);
    const kept = lines.map((line) => `# ${line}`.trimEnd());
    return [...fresh, "# The settings before a file was chosen:", ...kept].join(newline) + newline;
  }

  let edited = replaceEntry(lines, "file", fileLine) ?? replaceEntry(lines, "files", fileLine);
  if (!edited) {
    const after = entryOf(lines, "dataset");
    const at = after ? after.end : firstKeyIndex(lines);
    edited = [...lines.slice(0, at), fileLine, ...lines.slice(at)];
  }
  if (datasetLine) {
    edited = replaceEntry(edited, "dataset", datasetLine) ?? insertBefore(edited, "file", datasetLine);
  }
  const text = edited.join(newline);
  return endsWithNewline ? text + newline : text;
}

/**
 * The cell's `dataset:` as written (`movies`, `series`, or whatever the user typed), undefined when
 * the settings name none. Read to ask before a file of the other dataset rewrites it; flow style
 * (`{dataset: series, …}`) is found by its key, since it gets rewritten too.
 */
export function ingestDatasetOf(source: string): string | undefined {
  const lines = source.length === 0 ? [] : source.split(/\r?\n/);
  if (!isLineEditable(lines)) return /[{,\s]dataset\s*:\s*["']?([\w-]+)/.exec(` ${source}`)?.[1];
  const entry = entryOf(lines, "dataset");
  const line = entry ? (lines[entry.start] ?? "") : "";
  const comment = trailingComment(line);
  const value = line
    .slice(KEY.exec(line)?.[0].length ?? 0, line.length - comment.length)
    .trim()
    .replace(/^(["'])(.*)\1$/, "$2");
  return value === "" ? undefined : value;
}

/** A value as YAML: plain when that cannot be misread, else double-quoted (a JSON string is valid YAML). */
export function yamlScalar(value: string): string {
  const plain = /^[A-Za-z0-9_./][A-Za-z0-9_ ./()+-]*$/.test(value) && !value.endsWith(" ");
  const special = /^(?:true|false|null|yes|no|on|off|~|[-+.\d][\d_.eE+-]*)$/i.test(value);
  return plain && !special ? value : JSON.stringify(value);
}

const KEY = /^([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)\s*$/;

/** A mapping of top-level `key:` lines with their continuations, comments and blanks: what a line edit can handle. */
function isLineEditable(lines: readonly string[]): boolean {
  const content = lines.filter(
    (line) => line.trim() !== "" && !/^\s*#/.test(line) && !DOCUMENT_MARKER.test(line),
  );
  if (content.length > 0 && !KEY.test(content[0] ?? "")) return false;
  return content.every((line) => KEY.test(line) || isContinuation(line));
}

/** Lines that belong to the entry above: indented, or a block sequence written at column 0. */
function isContinuation(line: string): boolean {
  return /^[ \t]+\S/.test(line) || /^-(?:[ \t]|$)/.test(line);
}

function entryOf(lines: readonly string[], key: string): { start: number; end: number } | undefined {
  const start = lines.findIndex((line) => KEY.exec(line)?.[1] === key);
  if (start < 0) return undefined;
  let end = start + 1;
  for (let next = end; next < lines.length; next++) {
    const line = lines[next] ?? "";
    if (isContinuation(line)) end = next + 1;
    // Blank lines and comments at column 0 belong to the entry only when more of it follows.
    else if (line.trim() !== "" && !line.startsWith("#")) break;
  }
  return { start, end };
}

/** The entry's lines replaced by one line that keeps the original's trailing comment; undefined when absent. */
function replaceEntry(lines: readonly string[], key: string, replacement: string): string[] | undefined {
  const entry = entryOf(lines, key);
  if (!entry) return undefined;
  const comment = trailingComment(lines[entry.start] ?? "");
  return [...lines.slice(0, entry.start), replacement + comment, ...lines.slice(entry.end)];
}

function insertBefore(lines: readonly string[], key: string, line: string): string[] {
  const at = entryOf(lines, key)?.start ?? firstKeyIndex(lines);
  return [...lines.slice(0, at), line, ...lines.slice(at)];
}

/** Where a new key goes when no neighbour decides: before the first key, after leading comments. */
function firstKeyIndex(lines: readonly string[]): number {
  const first = lines.findIndex((line) => KEY.test(line));
  return first < 0 ? lines.length : first;
}

/** ` # note` after a value (outside quotes), with the spaces before it; "" when there is none. */
function trailingComment(line: string): string {
  let quote: string | undefined;
  const start = KEY.exec(line)?.[0].length ?? 0;
  for (let i = start; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === "\\" && quote === '"') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === "#" && /[ \t]/.test(line[i - 1] ?? "")) {
      const gap = /[ \t]*$/.exec(line.slice(start, i))?.[0] ?? " ";
      return gap + line.slice(i);
    }
  }
  return "";
}
