import type { Workbench } from "../app/workbench";
import { localeStore, setLocale } from "../i18n";
import {
  deleteSelected,
  duplicateSelected,
  enterCommandMode,
  enterEditMode,
  insertCell,
  moveSelected,
  runAll,
  runFromHere,
  runSelected,
  selectedId,
  selectRelative,
  undoOrRedo,
} from "../notebook/actions";
import { canExportDashboard, exportDashboard } from "../outputs/chart/export-dashboard";
import { resolvedTheme, setThemePreference } from "../theme/theme";
import type { Command } from "./command";

const hasSelection = (wb: Workbench) => selectedId(wb) !== null;
const openDialog = (wb: Workbench, dialog: "palette" | "shortcuts") => wb.ui.set((s) => ({ ...s, dialog }));

/** Every command of the workbench, in the order the palette lists them. */
export const notebookCommands: readonly Command[] = [
  {
    id: "runCell",
    label: "toolbar.runCell",
    shortcuts: ["Mod+Enter"],
    mode: "any",
    when: hasSelection,
    perform: (wb) => runSelected(wb, false),
  },
  {
    id: "runAndNext",
    label: "cmd.runAndNext",
    shortcuts: ["Shift+Enter"],
    mode: "any",
    when: hasSelection,
    perform: (wb) => runSelected(wb, true),
  },
  {
    id: "runAll",
    label: "toolbar.runAll",
    when: (wb) => wb.doc.get().notebook.cells.length > 0,
    perform: runAll,
  },
  { id: "runFromHere", label: "toolbar.runFromHere", when: hasSelection, perform: runFromHere },
  {
    id: "cancel",
    label: "toolbar.cancel",
    shortcuts: ["I I"],
    when: (wb) => wb.queue.isBusy(),
    perform: (wb) => wb.queue.cancel(),
  },
  { id: "addCell", label: "toolbar.addCell", perform: (wb) => insertCell(wb, "below") },
  { id: "insertAbove", label: "cmd.insertAbove", shortcuts: ["A"], perform: (wb) => insertCell(wb, "above") },
  { id: "insertBelow", label: "cmd.insertBelow", shortcuts: ["B"], perform: (wb) => insertCell(wb, "below") },
  { id: "deleteCell", label: "cmd.delete", shortcuts: ["D D"], when: hasSelection, perform: deleteSelected },
  {
    id: "duplicateCell",
    label: "cmd.duplicate",
    shortcuts: ["Shift+D"],
    when: hasSelection,
    perform: duplicateSelected,
  },
  {
    id: "moveUp",
    label: "cmd.moveUp",
    shortcuts: ["Alt+ArrowUp"],
    when: hasSelection,
    perform: (wb) => moveSelected(wb, -1),
  },
  {
    id: "moveDown",
    label: "cmd.moveDown",
    shortcuts: ["Alt+ArrowDown"],
    when: hasSelection,
    perform: (wb) => moveSelected(wb, 1),
  },
  {
    id: "selectPrevious",
    label: "cmd.selectPrevious",
    shortcuts: ["ArrowUp", "K"],
    perform: (wb) => selectRelative(wb, -1),
  },
  {
    id: "selectNext",
    label: "cmd.selectNext",
    shortcuts: ["ArrowDown", "J"],
    perform: (wb) => selectRelative(wb, 1),
  },
  { id: "editMode", label: "cmd.editMode", shortcuts: ["Enter"], when: hasSelection, perform: enterEditMode },
  {
    id: "commandMode",
    label: "cmd.commandMode",
    shortcuts: ["Escape"],
    mode: "edit",
    perform: enterCommandMode,
  },
  {
    id: "undo",
    label: "cmd.undo",
    shortcuts: ["Z"],
    when: (wb) => wb.doc.get().past.length > 0,
    perform: (wb) => undoOrRedo(wb, "undo"),
  },
  {
    id: "redo",
    label: "cmd.redo",
    shortcuts: ["Shift+Z"],
    when: (wb) => wb.doc.get().future.length > 0,
    perform: (wb) => undoOrRedo(wb, "redo"),
  },
  {
    id: "save",
    label: "cmd.save",
    shortcuts: ["Mod+S"],
    mode: "any",
    perform: (wb) => wb.autosave.flush(true),
  },
  {
    id: "palette",
    label: "cmd.palette",
    shortcuts: ["Mod+Shift+P"],
    mode: "any",
    perform: (wb) => openDialog(wb, "palette"),
  },
  {
    id: "shortcuts",
    label: "cmd.shortcuts",
    shortcuts: ["H", "?"],
    perform: (wb) => openDialog(wb, "shortcuts"),
  },
  {
    id: "showDependencies",
    label: "cmd.showDependencies",
    perform: (wb) => wb.ui.set((s) => ({ ...s, sideTab: "dependencies" })),
  },
  { id: "showLake", label: "cmd.showLake", perform: (wb) => wb.ui.set((s) => ({ ...s, sideTab: "lake" })) },
  { id: "exportDashboard", label: "cmd.exportDashboard", when: canExportDashboard, perform: exportDashboard },
  {
    id: "toggleTheme",
    label: "cmd.toggleTheme",
    perform: () => setThemePreference(resolvedTheme() === "dark" ? "light" : "dark"),
  },
  {
    id: "toggleLanguage",
    label: "cmd.toggleLanguage",
    perform: () => setLocale(localeStore.get() === "en" ? "pt-BR" : "en"),
  },
];
