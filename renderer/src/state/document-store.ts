import type { Cell, Notebook } from "../../../pipeline/document";
import { type DocAction, type DocState, docReducer, initialDocState } from "./history";
import { createStore, type Store, sameItems, useStore } from "./store";

/**
 * Document state: the notebook as it will be saved, plus the structural undo history.
 * Persisted (autosave + journal); run state is kept apart in run/run-store.
 */
export interface DocumentStore extends Store<DocState> {
  dispatch(action: DocAction): void;
}

export function createDocumentStore(notebook: Notebook): DocumentStore {
  const store = createStore(initialDocState(notebook));
  return { ...store, dispatch: (action) => store.set((s) => docReducer(s, action)) };
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
