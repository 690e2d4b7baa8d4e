import { localeStore, setLocale } from "../i18n";
import { reloadCatalog } from "../state/catalog-store";
import { select } from "../state/ui-store";
import type { Workbench } from "../state/workbench";
import { resolvedTheme, setThemePreference } from "../theme/theme";
import { type Command, commandById, isEnabled } from "./command";
import { canExportDashboard, exportDashboard } from "./export-dashboard";
import {
  deleteSelected,
  duplicateSelected,
  enterCommandMode,
  enterEditMode,
  hasStale,
  insertCell,
  isWaitingOrRunning,
  moveSelected,
  runAll,
  runDownstream,
  runFromHere,
  runSelected,
  runStale,
  selectedId,
  selectRelative,
  stopCell,
  undoOrRedo,
} from "./notebook-actions";
import { requestPanel } from "./panel-requests";
import { promptCommands } from "./prompt-answers";
import { saveAs } from "./save-as";

/** The cell a command acts on: the one whose button was pressed, else the selected one. */
const hasSelection = (wb: Workbench, cellId?: string) => (cellId ?? selectedId(wb)) !== null;

/** A cell's own button acts on that cell: it is selected first, as clicking the cell would. */
const onCell =
  (action: (wb: Workbench) => void) =>
  (wb: Workbench, cellId?: string): void => {
    if (cellId !== undefined) select(wb.ui, cellId);
    action(wb);
  };
const openDialog = (wb: Workbench, dialog: "palette" | "shortcuts" | "changeKind") =>
  wb.ui.set((s) => ({ ...s, dialog }));

/** Every command of the workbench, in the order the palette lists them. */
export const notebookCommands: readonly Command[] = [
  {
    id: "runCell",
    label: "toolbar.runCell",
    shortcuts: ["Mod+Enter"],
    mode: "any",
    when: hasSelection,
    perform: onCell((wb) => runSelected(wb, false)),
  },
  {
    id: "runAndNext",
    label: "cmd.runAndNext",
    shortcuts: ["Shift+Enter"],
    mode: "any",
    when: hasSelection,
    perform: onCell((wb) => runSelected(wb, true)),
  },
  {
    id: "runAll",
    label: "toolbar.runAll",
    when: (wb) => wb.doc.get().notebook.cells.length > 0,
    perform: runAll,
  },
  { id: "runFromHere", label: "toolbar.runFromHere", when: hasSelection, perform: onCell(runFromHere) },
  {
    id: "runStale",
    label: "cmd.runStale",
    shortcuts: ["Mod+Alt+Enter"],
    mode: "any",
    when: hasStale,
    perform: runStale,
  },
  {
    id: "runDownstream",
    label: "cmd.runDownstream",
    shortcuts: ["Mod+Shift+Enter"],
    mode: "any",
    when: hasSelection,
    perform: onCell(runDownstream),
  },
  {
    id: "cancel",
    label: "toolbar.cancel",
    shortcuts: ["I I"],
    when: (wb) => wb.queue.isBusy(),
    perform: (wb) => wb.queue.cancel(),
  },
  {
    // A cell's Stop: takes a waiting cell out of the queue, or cancels the running one (and the
    // queue, like Cancel). It does not select the cell: the user may be working on another.
    id: "stopCell",
    label: "cmd.stopCell",
    inPalette: false,
    when: (wb, cellId = selectedId(wb) ?? undefined) =>
      cellId !== undefined && isWaitingOrRunning(wb, cellId),
    perform: (wb, cellId = selectedId(wb) ?? undefined) => {
      if (cellId !== undefined) stopCell(wb, cellId);
    },
  },
  {
    // Like Jupyter's "Clear all outputs": the page forgets them (the lake and the tables stay).
    id: "clearOutputs",
    label: "cmd.clearOutputs",
    when: (wb) => !wb.queue.isBusy() && Object.keys(wb.runs.get().cells).length > 0,
    perform: (wb) => {
      for (const run of Object.values(wb.runs.get().cells)) {
        const resultId = run.output?.type === "table" ? run.output.result.resultId : "";
        if (resultId) void wb.client.call("query.release", { resultId }).catch(() => {});
      }
      wb.runs.set((s) => ({ ...s, cells: {}, batch: null }));
    },
  },
  {
    id: "dismissRunSummary",
    label: "cmd.dismissRunSummary",
    when: (wb) => {
      const batch = wb.runs.get().batch;
      return batch !== null && batch.state !== "running";
    },
    perform: (wb) => wb.queue.dismissSummary(),
  },
  { id: "addCell", label: "toolbar.addCell", perform: (wb) => insertCell(wb, "below") },
  { id: "insertAbove", label: "cmd.insertAbove", shortcuts: ["A"], perform: (wb) => insertCell(wb, "above") },
  { id: "insertBelow", label: "cmd.insertBelow", shortcuts: ["B"], perform: (wb) => insertCell(wb, "below") },
  {
    id: "deleteCell",
    label: "cmd.delete",
    shortcuts: ["D D"],
    when: hasSelection,
    perform: onCell(deleteSelected),
  },
  {
    id: "duplicateCell",
    label: "cmd.duplicate",
    shortcuts: ["Shift+D"],
    when: hasSelection,
    perform: onCell(duplicateSelected),
  },
  {
    // The same choices and question as the cell's ⋯ menu, in a dialog the cells draw (ChangeKindDialog).
    id: "changeCellKind",
    label: "cmd.changeCellKind",
    when: hasSelection,
    perform: onCell((wb) => openDialog(wb, "changeKind")),
  },
  {
    id: "moveUp",
    label: "cmd.moveUp",
    shortcuts: ["Alt+ArrowUp"],
    when: hasSelection,
    perform: onCell((wb) => moveSelected(wb, -1)),
  },
  {
    id: "moveDown",
    label: "cmd.moveDown",
    shortcuts: ["Alt+ArrowDown"],
    when: hasSelection,
    perform: onCell((wb) => moveSelected(wb, 1)),
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
  {
    id: "editMode",
    label: "cmd.editMode",
    shortcuts: ["Enter"],
    when: hasSelection,
    perform: onCell(enterEditMode),
  },
  {
    id: "commandMode",
    label: "cmd.commandMode",
    shortcuts: ["Escape"],
    mode: "edit",
    perform: enterCommandMode,
  },
  {
    // The notebook's timeline: typing, added, deleted and moved cells. Inside a cell's editor,
    // Ctrl+Z is the editor's own undo of that cell's text (its change comes back here as an edit).
    id: "undo",
    label: "cmd.undoEdit",
    shortcuts: ["Mod+Z", "Z"],
    when: (wb) => wb.doc.get().past.length > 0,
    perform: (wb) => undoOrRedo(wb, "undo"),
  },
  {
    id: "redo",
    label: "cmd.redoEdit",
    shortcuts: ["Mod+Shift+Z", "Mod+Y", "Shift+Z"],
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
    id: "saveAs",
    label: "cmd.saveAs",
    shortcuts: ["Mod+Shift+S"],
    mode: "any",
    perform: (wb) => saveAs(wb),
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
  {
    id: "showOutline",
    label: "cmd.showOutline",
    perform: (wb) => wb.ui.set((s) => ({ ...s, sideTab: "outline" })),
  },
  { id: "showLake", label: "cmd.showLake", perform: (wb) => wb.ui.set((s) => ({ ...s, sideTab: "lake" })) },
  {
    // A cell named elsewhere (the dependency list, a table's lineage): select it in the notebook.
    id: "selectCell",
    label: "cmd.selectCell",
    inPalette: false,
    when: (_wb, cellId) => cellId !== undefined,
    perform: (wb, cellId) => {
      if (cellId !== undefined) select(wb.ui, cellId);
    },
  },
  {
    id: "reloadCatalog",
    label: "lake.refresh",
    inPalette: false,
    perform: (wb) => reloadCatalog(wb.client, wb.catalog),
  },
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
  // Panels drawn above the commands: asked to open through panel-requests.ts.
  { id: "showCoursePath", label: "cmd.showCoursePath", perform: () => requestPanel("course") },
  { id: "setTmdbToken", label: "cmd.setTmdbToken", perform: () => requestPanel("tmdbToken") },
  { id: "editTarget", label: "cmd.editTarget", perform: () => requestPanel("target") },
  ...promptCommands,
];

/** Runs a registered command, if it applies now: what every button of the workbench does. */
export function runCommand(wb: Workbench, id: string, cellId?: string): void {
  const command = commandById(notebookCommands, id);
  if (command && isEnabled(command, wb, cellId)) void command.perform(wb, cellId);
}
