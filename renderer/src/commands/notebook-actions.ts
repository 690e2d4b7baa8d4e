import { downstreamToRun, staleToRun } from "../run/run-selection";
import { blankCell, copyOfCell } from "../state/history";
import { select } from "../state/ui-store";
import type { Workbench } from "../state/workbench";
import { starterCell } from "./starter-cells";

/** What the commands do to the notebook and the queue (notebook-commands.ts registers them). */

function cells(wb: Workbench) {
  return wb.doc.get().notebook.cells;
}

function selectedIndex(wb: Workbench): number {
  const id = wb.ui.get().selectedId;
  return cells(wb).findIndex((c) => c.id === id);
}

export function selectedId(wb: Workbench): string | null {
  const index = selectedIndex(wb);
  return index >= 0 ? (cells(wb)[index]?.id ?? null) : null;
}

export function insertCell(wb: Workbench, where: "above" | "below", kind = wb.ui.get().newCellKind): void {
  const index = selectedIndex(wb);
  const at = index < 0 ? cells(wb).length : where === "above" ? index : index + 1;
  const notebook = wb.doc.get().notebook;
  const cell = starterCell(blankCell(notebook, kind), notebook, at, wb.runs.get());
  wb.doc.dispatch({ type: "insert", index: at, cell });
  select(wb.ui, cell.id);
}

export function deleteSelected(wb: Workbench): void {
  const index = selectedIndex(wb);
  const cell = cells(wb)[index];
  if (!cell) return;
  wb.queue.remove(cell.id);
  wb.doc.dispatch({ type: "remove", id: cell.id });
  const after = cells(wb);
  select(wb.ui, after[Math.min(index, after.length - 1)]?.id ?? null);
}

export function duplicateSelected(wb: Workbench): void {
  const index = selectedIndex(wb);
  const cell = cells(wb)[index];
  if (!cell) return;
  const copy = copyOfCell(wb.doc.get().notebook, cell);
  wb.doc.dispatch({ type: "insert", index: index + 1, cell: copy });
  select(wb.ui, copy.id);
}

export function moveSelected(wb: Workbench, by: -1 | 1): void {
  const id = selectedId(wb);
  if (!id) return;
  wb.doc.dispatch({ type: "move", id, to: selectedIndex(wb) + by });
  select(wb.ui, id);
}

export function selectRelative(wb: Workbench, by: -1 | 1): void {
  const list = cells(wb);
  const index = selectedIndex(wb);
  const next = list[Math.max(0, Math.min(list.length - 1, index < 0 ? 0 : index + by))];
  if (next) select(wb.ui, next.id);
}

export function undoOrRedo(wb: Workbench, which: "undo" | "redo"): void {
  const step = wb.doc.get()[which === "undo" ? "past" : "future"].at(-1);
  const before = new Set(cells(wb).map((c) => c.id));
  wb.doc.dispatch({ type: which });
  const after = cells(wb);
  // Select what came back, else the cell the step changed (so the user sees it); if the selection
  // went away, its neighbour.
  const returned = after.find((c) => !before.has(c.id)) ?? after.find((c) => c.id === step?.cellId);
  if (returned) select(wb.ui, returned.id);
  else if (!after.some((c) => c.id === wb.ui.get().selectedId)) select(wb.ui, after[0]?.id ?? null);
}

export function runSelected(wb: Workbench, thenSelectNext: boolean): void {
  const id = selectedId(wb);
  if (!id) return;
  wb.queue.enqueue([id], { stopOnError: false });
  if (!thenSelectNext) return;
  const list = cells(wb);
  const index = selectedIndex(wb);
  const next = list[index + 1];
  if (next) select(wb.ui, next.id, "command");
  else {
    // Like Jupyter: Shift+Enter on the last cell adds a new one to keep going.
    insertCell(wb, "below", list[index]?.kind === "markdown" ? "markdown" : wb.ui.get().newCellKind);
  }
}

export function runAll(wb: Workbench): void {
  wb.queue.enqueue(cells(wb).map((c) => c.id));
}

export function runFromHere(wb: Workbench): void {
  const index = Math.max(0, selectedIndex(wb));
  wb.queue.enqueue(
    cells(wb)
      .slice(index)
      .map((c) => c.id),
  );
}

const cellIds = (wb: Workbench) => cells(wb).map((c) => c.id);

/** Like marimo's "run stale": every cell out of date or never run ok, in notebook order. */
export function runStale(wb: Workbench): void {
  const ids = staleToRun(cellIds(wb), wb.runs.get());
  if (ids.length > 0) wb.queue.enqueue(ids);
}

export function hasStale(wb: Workbench): boolean {
  return staleToRun(cellIds(wb), wb.runs.get()).length > 0;
}

/** The selected cell, then every cell that reads what it writes (transitively), in notebook order. */
export function runDownstream(wb: Workbench): void {
  const id = selectedId(wb);
  if (id) wb.queue.enqueue(downstreamToRun(id, cellIds(wb), wb.runs.get().dependencies));
}

export function enterEditMode(wb: Workbench): void {
  const id = selectedId(wb);
  if (id) select(wb.ui, id, "edit");
}

export function enterCommandMode(wb: Workbench): void {
  select(wb.ui, wb.ui.get().selectedId, "command");
}

/** Whether a cell is waiting in the queue or running now: its Stop button shows then. */
export function isWaitingOrRunning(wb: Workbench, cellId: string): boolean {
  const { queue, current } = wb.runs.get();
  return queue.includes(cellId) || current?.cellId === cellId;
}

/** A waiting cell leaves the queue; the running one is cancelled, and the queue with it. */
export function stopCell(wb: Workbench, cellId: string): void {
  if (wb.runs.get().queue.includes(cellId)) wb.queue.remove(cellId);
  else if (wb.runs.get().current?.cellId === cellId) wb.queue.cancel();
}
