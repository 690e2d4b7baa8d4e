import { type Notebook, writeNotebook } from "../document";
import { writeFileAtomic } from "../lake";

/**
 * Saves through the one canonical writer, atomically: a crash mid-save leaves the old file whole.
 * The writer refuses secrets, so nothing secret can reach the file from here.
 */
export async function saveNotebookFile(file: string, notebook: Notebook): Promise<number> {
  const text = writeNotebook(notebook);
  await writeFileAtomic(file, text);
  return Buffer.byteLength(text);
}
