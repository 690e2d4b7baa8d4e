import { useLayoutEffect } from "react";
import type { Workbench } from "../state/workbench";
import { commandById, isEnabled } from "./command";
import { chordOf, createKeymap } from "./keymap";
import { notebookCommands } from "./notebook-commands";

export const isMac = () => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? "");

function isTextEntry(element: HTMLElement): boolean {
  if (element.isContentEditable) return true;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  return (
    element instanceof HTMLInputElement &&
    !["button", "checkbox", "radio", "submit", "reset", "range", "color"].includes(element.type)
  );
}

/** A text field's own undo and redo: Ctrl+Z in a settings field undoes that field, not the notebook. */
const TEXT_UNDO_CHORDS = new Set(["Mod+Z", "Mod+Shift+Z", "Mod+Y"]);

const NAVIGATION_KEYS = new Set(["Enter", " ", "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"]);

/** A focused control (button, link, table) keeps Enter, Space and arrows for itself. */
function controlOwnsKey(element: HTMLElement, key: string): boolean {
  if (!NAVIGATION_KEYS.has(key)) return false;
  return element.closest("button, a, summary, select, [role=tab], [role=table], [role=tree]") !== null;
}

/** Monaco's own popups (suggestions, find) close on Escape before the editor is left. */
function editorPopupOpen(): boolean {
  return (
    document.querySelector(".monaco-editor .suggest-widget.visible, .monaco-editor .find-widget.visible") !==
    null
  );
}

/**
 * Jupyter's two modes on the keyboard: in a cell editor (edit mode) only "edit"/"any" shortcuts
 * apply; elsewhere (command mode) letters act on the selected cell. Listens in the capture phase so
 * Shift+Enter runs the cell instead of typing a newline.
 */
export function useKeyboard(wb: Workbench): void {
  // A layout effect attaches before the first paint: a key pressed as soon as the cells show is not lost.
  useLayoutEffect(() => {
    const keymap = createKeymap(notebookCommands, isMac());
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || wb.ui.get().dialog) return;
      const target = event.target instanceof HTMLElement ? event.target : document.body;
      // A dialog a room opens itself (an ingest cell's dataset question) keeps its keys too.
      if (target.closest("[role=dialog]")) return;
      const inCellEditor = target.closest("[data-cell-editor]") !== null;
      if (inCellEditor && event.key === "Escape" && editorPopupOpen()) return;
      if (!inCellEditor && isTextEntry(target) && !event.ctrlKey && !event.metaKey) return;
      if (!inCellEditor && isTextEntry(target) && TEXT_UNDO_CHORDS.has(chordOf(event, isMac()))) return;
      if (!inCellEditor && controlOwnsKey(target, event.key) && !event.shiftKey && !event.altKey) return;
      const id = keymap.press(event, inCellEditor ? "edit" : "command", Date.now());
      const command = id ? commandById(notebookCommands, id) : undefined;
      if (!command || !isEnabled(command, wb)) return;
      event.preventDefault();
      event.stopPropagation();
      void command.perform(wb);
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [wb]);
}
