import { select } from "../state/ui-store";
import type { Workbench } from "../state/workbench";
import type { Command } from "./command";

/**
 * The answers to the prompt banner's two questions: unsaved edits found on open (restore or
 * discard), or the file changed on disk (reload or keep mine). Registered like every command so the
 * banner's buttons run them; they stay out of the palette, since they only mean something while
 * the banner asks.
 */

const dismiss = (wb: Workbench) => wb.ui.set((s) => ({ ...s, prompt: null }));
const asked = (type: "recovered" | "changed") => (wb: Workbench) => wb.ui.get().prompt?.type === type;

async function restore(wb: Workbench) {
  if (wb.recovered) wb.doc.dispatch({ type: "replace", notebook: wb.recovered });
  wb.recovered = null;
  dismiss(wb);
  await wb.autosave.flush(true);
}

async function discard(wb: Workbench) {
  wb.recovered = null;
  dismiss(wb);
  await wb.client.call("notebook.discardJournal", {}).catch(() => {});
}

async function reload(wb: Workbench) {
  dismiss(wb);
  const opened = await wb.client.call("notebook.open", {});
  wb.autosave.adopt(opened.notebook);
  const cells = opened.notebook.cells;
  if (!cells.some((c) => c.id === wb.ui.get().selectedId)) select(wb.ui, cells[0]?.id ?? null);
}

async function keepMine(wb: Workbench) {
  dismiss(wb);
  await wb.autosave.overwrite();
}

export const promptCommands: readonly Command[] = [
  {
    id: "restoreEdits",
    label: "recover.restore",
    inPalette: false,
    when: asked("recovered"),
    perform: restore,
  },
  {
    id: "discardEdits",
    label: "recover.discard",
    inPalette: false,
    when: asked("recovered"),
    perform: discard,
  },
  {
    id: "reloadFromDisk",
    label: "changed.reload",
    inPalette: false,
    when: asked("changed"),
    perform: reload,
  },
  { id: "keepMine", label: "changed.keep", inPalette: false, when: asked("changed"), perform: keepMine },
];
