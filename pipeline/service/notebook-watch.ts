import { watch } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Calls `onChange` when the notebook file's text changes on disk by someone else. Watches the
 * folder, not the file: editors save by writing a new file and renaming it over the old one.
 * `isOurs(text)` filters out the service's own saves.
 */
export function watchNotebookFile(
  file: string,
  isOurs: (text: string) => boolean,
  onChange: () => void,
): () => void {
  const name = path.basename(file);
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(path.dirname(file), (_event, changed) => {
    if (changed !== name) return;
    clearTimeout(timer);
    // Editors write in bursts; look once it has settled.
    timer = setTimeout(async () => {
      const text = await readFile(file, "utf8").catch(() => undefined);
      if (text !== undefined && !isOurs(text)) onChange();
    }, 150);
  });
  watcher.on("error", () => undefined);
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
