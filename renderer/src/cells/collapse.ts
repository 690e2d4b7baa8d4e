import { createStore, type Store, useStore } from "../state/store";
import type { Workbench } from "../state/workbench";

/** Which parts of a cell are folded away: its code (all but the first line) and its output. */
export type CellPart = "source" | "output";

/** Folded parts by cell id. Session state only: never saved, and not in the notebook file. */
export type CollapseState = Readonly<
  Record<string, { readonly source?: boolean; readonly output?: boolean }>
>;

// One store per open notebook, kept beside its workbench, so it lives as long as the session does
// and a second workbench (a test, a reopened file) starts with everything unfolded.
const stores = new WeakMap<Workbench, Store<CollapseState>>();

export function collapseStore(wb: Workbench): Store<CollapseState> {
  let store = stores.get(wb);
  if (!store) {
    store = createStore<CollapseState>({});
    stores.set(wb, store);
  }
  return store;
}

export function isCollapsed(state: CollapseState, id: string, part: CellPart): boolean {
  return state[id]?.[part] === true;
}

export function toggleCollapsed(state: CollapseState, id: string, part: CellPart): CollapseState {
  return { ...state, [id]: { ...state[id], [part]: !isCollapsed(state, id, part) } };
}

export function useCollapsed(wb: Workbench, id: string, part: CellPart): boolean {
  return useStore(collapseStore(wb), (s) => isCollapsed(s, id, part));
}

/** What folded code shows: its first line that has text (a blank first line would say nothing). */
export function firstLine(source: string): string {
  return source.split("\n").find((line) => line.trim() !== "") ?? "";
}
