import { rename, writeFile } from "node:fs/promises";
import { type Notebook, writeNotebook } from "../document";

/**
 * Saves through the one canonical writer, atomically: a crash mid-save leaves the old file whole.
 * The writer refuses secrets, so nothing secret can reach the file from here.
 */
export async function saveNotebookFile(file: string, notebook: Notebook): Promise<number> {
  const text = writeNotebook(notebook);
  const temp = `${file}.${process.pid}.saving`;
  await writeFile(temp, text, "utf8");
  await rename(temp, file);
  return Buffer.byteLength(text);
}
