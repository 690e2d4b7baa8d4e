import { createStore, useStore } from "../state/store";
import { parsePrefs, type SidePanelPrefs } from "./side-panel-size";

const STORAGE_KEY = "lakebook.sidePanel";

function savedPrefs(): SidePanelPrefs {
  try {
    return parsePrefs(globalThis.localStorage?.getItem(STORAGE_KEY));
  } catch {
    // Storage disabled: the defaults.
    return parsePrefs(null);
  }
}

/**
 * The side panel's width and whether it is collapsed: a preference of this browser like the theme
 * and the language, remembered across reloads and notebooks, never written to the notebook.
 */
export const sidePanelStore = createStore<SidePanelPrefs>(savedPrefs());

export function setSidePanel(change: Partial<SidePanelPrefs>): void {
  sidePanelStore.set((s) => ({ ...s, ...change }));
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(sidePanelStore.get()));
  } catch {
    // Not remembered across sessions.
  }
}

/** Reads the store again from localStorage (tests, another tab's change). */
export function reloadSidePanel(): void {
  sidePanelStore.set(savedPrefs());
}

export function useSidePanel(): SidePanelPrefs {
  return useStore(sidePanelStore, (s) => s);
}
