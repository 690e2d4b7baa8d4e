/**
 * Reads the YAML front matter and checks it, pointing errors at the exact file line. Comments in the
 * front matter are not kept: the model is plain data, and the canonical writer re-emits it from that.
 */
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { NotebookFileError, NotebookParseError } from "./errors";
import { type MetaIssue, metaIssue, readVersion } from "./meta";
import { FORMAT_VERSION } from "./model";
import { isSecretKey, SECRET_HINT, secretProblem } from "./secrets";

export interface FrontMatter {
  meta: Record<string, unknown>;
  /** The `lakebook:` version; 0 for a file without front matter or without that key. */
  version: number;
  /** Index of the first line after the front matter. */
  bodyStart: number;
}

export const FRONT_MATTER_DELIMITER = /^---[ \t]*$/;

export function readFrontMatter(lines: readonly string[], file: string): FrontMatter {
  if (lines.length === 0 || !FRONT_MATTER_DELIMITER.test(lines[0] ?? ""))
    return { meta: {}, version: 0, bodyStart: 0 };
  const close = lines.findIndex((line, i) => i > 0 && FRONT_MATTER_DELIMITER.test(line));
  if (close < 0) {
    throw new NotebookParseError(file, 1, 1, "unterminated front matter", 'a closing "---" line');
  }

  // Every YAML line keeps its newline: `|+` block scalars count trailing newlines.
  const source = lines
    .slice(1, close)
    .map((line) => `${line}\n`)
    .join("");
  const counter = new LineCounter();
  const doc = parseDocument(source, { prettyErrors: false, lineCounter: counter, version: "1.2" });
  // The YAML starts on file line 2, so its line n is file line n + 1.
  const at = (offset: number) => {
    const pos = counter.linePos(offset);
    return { file, line: pos.line + 1, column: pos.col };
  };
  const firstError = doc.errors[0];
  if (firstError) {
    const { line, column } = at(firstError.pos[0]);
    throw new NotebookParseError(
      file,
      line,
      column,
      `invalid YAML: ${firstError.message}`,
      "valid YAML front matter",
    );
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new NotebookParseError(file, 2, 1, "front matter is not a mapping", "key: value lines");
  }
  const meta = toPlainData(doc, file);
  const fail = (issue: MetaIssue): never => {
    const { line, column } = at(offsetOf(doc.contents, issue.path));
    throw new NotebookParseError(file, line, column, issue.problem, issue.expected);
  };

  const version = readVersion(meta);
  if (typeof version !== "number") return fail(version);
  if (version > FORMAT_VERSION) {
    throw new NotebookFileError(
      "NOTEBOOK_TOO_NEW",
      at(offsetOf(doc.contents, ["lakebook"])),
      `this notebook uses format version ${version}, but this Lakebook reads versions up to ${FORMAT_VERSION}`,
      { hint: "Update Lakebook to open it; the file was not changed." },
    );
  }
  const secret = findSecretNode(doc.contents, []);
  if (secret) {
    const where = at(secret.offset);
    throw new NotebookFileError("NOTEBOOK_HAS_SECRET", where, secret.problem, { hint: SECRET_HINT });
  }
  const infinite = nonFiniteNumberAt(meta, []);
  if (infinite) {
    // `.inf`, `.nan` or a number too big for a double: read, it could never be written back.
    fail({
      path: infinite,
      problem: `"${infinite.join(".")}" is not a finite number`,
      expected: "a number like 1.5, or quoted text",
    });
  }
  const issue = metaIssue(meta);
  if (issue) fail(issue);
  return { meta, version, bodyStart: close + 1 };
}

/** The front matter as plain data; yaml refuses alias bombs here, which must not escape as a crash. */
function toPlainData(doc: Document, file: string): Record<string, unknown> {
  try {
    return (doc.toJS() ?? {}) as Record<string, unknown>;
  } catch (error) {
    const problem = `front matter cannot be read (${error instanceof Error ? error.message : String(error)})`;
    throw new NotebookParseError(file, 2, 1, problem, "plain key: value lines without heavy use of aliases");
  }
}

function nonFiniteNumberAt(value: unknown, path: string[]): string[] | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : path;
  if (value === null || typeof value !== "object") return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = nonFiniteNumberAt(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/** Where to point for a key path: the value when it exists, else the deepest key that does. */
export function offsetOf(root: unknown, path: readonly string[]): number {
  let node: unknown = root;
  let offset = 0;
  for (const [i, key] of path.entries()) {
    if (!isMap(node)) break;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (!pair) break;
    node = pair.value;
    const pointAtValue = i === path.length - 1 && isScalar(node);
    offset = (pointAtValue ? startOf(node) : startOf(pair.key)) ?? offset;
  }
  return offset;
}

function findSecretNode(node: unknown, path: string[]): { offset: number; problem: string } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const where = [...path, key ?? "?"];
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      const problem = secretProblem(key, value, where.join("."));
      if (problem) {
        // Point at the key when the name gives it away, else at the value that looks like a credential.
        const blamed = key !== undefined && isSecretKey(key) ? pair.key : pair.value;
        return { offset: startOf(blamed) ?? 0, problem };
      }
      const nested = findSecretNode(pair.value, where);
      if (nested) return nested;
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const where = [...path, String(i)];
      const problem = isScalar(item) ? secretProblem(undefined, item.value, where.join(".")) : undefined;
      if (problem) return { offset: startOf(item) ?? 0, problem };
      const nested = findSecretNode(item, where);
      if (nested) return nested;
    }
  }
  return undefined;
}

function startOf(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
