import path from "node:path";

/**
 * The text of a new, empty notebook: the canonical front matter on the local target and one
 * Markdown cell, so the file opens at once and reads well on any Git host.
 */
export function newNotebookText(file: string): string {
  const title = notebookTitleFor(file);
  return `---
lakebook: 1
title: ${JSON.stringify(title)}
target:
  kind: local
---

<!-- #intro -->
# ${title}
`;
}

/** "My lake.lakebook.md" → "My lake". */
export function notebookTitleFor(file: string): string {
  const base = path
    .basename(file)
    .replace(/\.lakebook\.md$/i, "")
    .replace(/\.md$/i, "");
  return base.trim() || "Untitled";
}

/** The Save dialog may hand back "name" or "name.md": the file always ends in `.lakebook.md`. */
export function withNotebookExtension(file: string): string {
  if (/\.lakebook\.md$/i.test(file)) return file;
  return `${file.replace(/\.md$/i, "")}.lakebook.md`;
}
