import type { Cell, Notebook } from "../../../pipeline/document";
import { type DocAction, type DocState, docReducer, initialDocState } from "./history";
import { createStore, type Store, sameItems, useStore } from "./store";

/**
 * Document state: the notebook as it will be saved, plus its undo timeline (`history.ts`).
 * Persisted (autosave + journal); run state is kept apart in run/run-store.
 */
export interface DocumentStore extends Store<DocState> {
  dispatch(action: DocAction): void;
}

/** `now` stamps each source edit, so a burst of typing becomes one undo step (tests pass a clock). */
export function createDocumentStore(notebook: Notebook, now: () => number = Date.now): DocumentStore {
  const store = createStore(initialDocState(notebook));
  const stamped = (action: DocAction): DocAction =>
    action.type === "editSource" && action.at === undefined ? { ...action, at: now() } : action;
  return { ...store, dispatch: (action) => store.set((s) => docReducer(s, stamped(action))) };
}

const indexes = new WeakMap<readonly Cell[], Map<string, Cell>>();

/** O(1) lookup by id, built once per cells array (every cell component asks on every keystroke). */
export function cellById(cells: readonly Cell[], id: string): Cell | undefined {
  let index = indexes.get(cells);
  if (!index) {
    index = new Map(cells.map((c) => [c.id, c]));
    indexes.set(cells, index);
  }
  return index.get(id);
}

export function useCell(store: DocumentStore, id: string): Cell | undefined {
  return useStore(store, (s) => cellById(s.notebook.cells, id));
}

export function useCellIds(store: DocumentStore): readonly string[] {
  return useStore(store, (s) => s.notebook.cells.map((c) => c.id), sameItems);
}
