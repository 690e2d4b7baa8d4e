import { createStore, type Store } from "./store";

/** Where the user is: selection, command/edit mode, open dialogs and panels. Not persisted. */
export interface UiState {
  selectedId: string | null;
  mode: "command" | "edit";
  dialog: null | "palette" | "shortcuts" | "changeKind";
  sideTab: "lake" | "dependencies" | "outline";
  newCellKind: string;
  /** Set when a prompt needs an answer: unsaved edits found, or the file changed on disk. */
  prompt: null | { type: "recovered"; journaledAt: string } | { type: "changed" };
  /** Increments to ask the selected cell to scroll into view and take focus. */
  focusTick: number;
  /** False when the user clicked the cell: it is already in view, and scrolling would move the click's target. */
  scrollOnFocus: boolean;
}

export function createUiStore(selectedId: string | null): Store<UiState> {
  return createStore<UiState>({
    selectedId,
    mode: "command",
    dialog: null,
    sideTab: "lake",
    newCellKind: "sql",
    prompt: null,
    focusTick: 0,
    scrollOnFocus: true,
  });
}

export function select(
  ui: Store<UiState>,
  id: string | null,
  mode: UiState["mode"] = "command",
  options: { scroll?: boolean } = {},
): void {
  ui.set((s) => ({
    ...s,
    selectedId: id,
    mode,
    focusTick: s.focusTick + 1,
    scrollOnFocus: options.scroll ?? true,
  }));
}
