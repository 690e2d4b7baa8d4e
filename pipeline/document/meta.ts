/**
 * Checks on front-matter data that the reader and the writer share. Each issue carries the key path so
 * the reader can point at a line and the writer can name the field.
 */
import type { Notebook } from "./model";
import { targetIssue } from "./target";

export interface MetaIssue {
  path: string[];
  problem: string;
  expected: string;
}

/** `lakebook:` as a version number; a file without it is version 0 (plain Markdown). */
export function readVersion(meta: Record<string, unknown>): number | MetaIssue {
  const version = meta.lakebook;
  if (version === undefined) return 0;
  if (typeof version === "number" && Number.isSafeInteger(version) && version >= 0) return version;
  return {
    path: ["lakebook"],
    problem: '"lakebook" is not a format version',
    expected: "a whole number like lakebook: 1",
  };
}

/** Title and target, the two keys Lakebook reads itself. */
export function metaIssue(meta: Record<string, unknown>): MetaIssue | undefined {
  if (meta.title !== undefined && meta.title !== null && typeof meta.title !== "string") {
    return { path: ["title"], problem: '"title" is not text', expected: 'a quoted title like title: "1984"' };
  }
  if (meta.target === undefined) return undefined;
  const issue = targetIssue(meta.target);
  return issue && { ...issue, path: ["target", ...issue.path] };
}

/** The title to show: `title:`, else the first heading in prose, else a placeholder. */
export function notebookTitle(nb: Notebook): string {
  if (typeof nb.meta.title === "string" && nb.meta.title.trim() !== "") return nb.meta.title.trim();
  for (const cell of nb.cells) {
    if (cell.kind !== "markdown") continue;
    const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(cell.source);
    if (heading?.[1]) return heading[1];
  }
  return "Untitled notebook";
}
