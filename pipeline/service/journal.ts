import { mkdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { NotebookSchema } from "../contract";
import type { Notebook } from "../document";
import { writeFileAtomic } from "../lake";

/**
 * Unsaved edits, written on every change before the debounced save, so a crash or a killed
 * server loses nothing: `.lakebook/<notebook>/journal.json`. A save clears it.
 */
export function journalFile(stateDir: string, notebookPath: string): string {
  return path.join(stateDir, path.basename(notebookPath, ".lakebook.md"), "journal.json");
}

export async function writeJournal(file: string, notebook: Notebook): Promise<string> {
  const journaledAt = new Date().toISOString();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify({ journaledAt, notebook }));
  return journaledAt;
}

export async function clearJournal(file: string): Promise<void> {
  await rm(file, { force: true });
}

/** The journal, when it holds edits newer than the notebook file; otherwise nothing to offer. */
export async function readNewerJournal(
  file: string,
  notebookPath: string,
  onDisk: Notebook,
): Promise<{ notebook: Notebook; journaledAt: string } | undefined> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  let parsed: { journaledAt?: unknown; notebook?: unknown };
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined; // a journal cut short by the crash itself: nothing trustworthy to offer
  }
  const notebook = NotebookSchema.safeParse(parsed.notebook);
  if (!notebook.success || typeof parsed.journaledAt !== "string") return undefined;
  const savedAt = (await stat(notebookPath)).mtime;
  if (new Date(parsed.journaledAt) <= savedAt) return undefined;
  if (JSON.stringify(notebook.data) === JSON.stringify(onDisk)) return undefined;
  return { notebook: notebook.data, journaledAt: parsed.journaledAt };
}
