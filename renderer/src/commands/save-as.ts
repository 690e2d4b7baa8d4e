import { writeNotebook } from "../../../pipeline/document";
import { desktopApi } from "../service/desktop";
import { createStore } from "../state/store";
import type { Workbench } from "../state/workbench";
import { downloadBlob } from "../ui/download";

export type SaveAsState = { kind: "idle" } | { kind: "failed"; message: string };

/** The last Save As, when it failed: shown by the toolbar's save state, not only in a log. */
export const saveAsState = createStore<SaveAsState>({ kind: "idle" });

const NOTEBOOK_SUFFIX = ".lakebook.md";

/** The file name the dialog proposes: the notebook's own, as "<name> copy.lakebook.md". */
export function copyName(notebookPath: string): string {
  const base = notebookPath.split(/[\\/]/).pop() || `notebook${NOTEBOOK_SUFFIX}`;
  const stem = base.endsWith(NOTEBOOK_SUFFIX) ? base.slice(0, -NOTEBOOK_SUFFIX.length) : base;
  return `${stem} copy${NOTEBOOK_SUFFIX}`;
}

/**
 * Save As: the notebook as the canonical writer writes it, to a file the user picks. In the desktop
 * app the native Save dialog picks it and the app goes on with the new file (its lake beside it);
 * a browser cannot choose where the service writes, so there the copy is a download.
 */
export async function saveAs(
  wb: Pick<Workbench, "autosave" | "doc" | "path">,
  win: Window = window,
  download: (blob: Blob, name: string) => void = downloadBlob,
): Promise<void> {
  try {
    await wb.autosave.flush();
    const text = writeNotebook(wb.doc.get().notebook);
    const name = copyName(wb.path);
    const desktop = desktopApi(win);
    if (!desktop) {
      download(new Blob([text], { type: "text/markdown;charset=utf-8" }), name);
    } else {
      const saved = await desktop.saveFile(
        { kind: "notebook", defaultName: name },
        new TextEncoder().encode(text),
      );
      // A name typed without the double extension is saved as typed, but only a notebook reopens.
      if (saved?.endsWith(NOTEBOOK_SUFFIX)) await desktop.openNotebook(saved);
    }
    saveAsState.set({ kind: "idle" });
  } catch (error) {
    saveAsState.set({ kind: "failed", message: (error as Error).message || String(error) });
  }
}
