import { newCellId } from "../../../pipeline/document/ids";
import type { Cell, Notebook } from "../../../pipeline/document/model";
import { nextBurst, type TypingBurst } from "./typing-burst";

/**
 * The notebook's one undo timeline: typing (a burst of keys per step, `typing-burst.ts`), cells
 * added, deleted and moved, a chart's settings, the target. Undo and redo walk it in order, and any
 * new edit clears what could be redone, so Redo never replays an old step over newer work. Each
 * step keeps the whole notebook from the other side of the step (cells are shared, not copied), so
 * undoing and redoing gives back exactly what was there, typed text included.
 */
export type StructuralOp =
  | { type: "insert"; index: number; cell: Cell }
  | { type: "remove"; index: number; cell: Cell }
  | { type: "move"; id: string; from: number; to: number };

/** What a step of the timeline did, and the cell it did it to (selected again when undone). */
export interface HistoryStep {
  edit: "insert" | "remove" | "move" | "typing" | "attrs" | "meta" | "kind";
  cellId?: string;
  /** The notebook on the other side of the step: before it (in `past`), after it (in `future`). */
  notebook: Notebook;
}

export interface DocState {
  notebook: Notebook;
  past: HistoryStep[];
  future: HistoryStep[];
  /** Bumped on every change of the notebook: autosave and the journal follow it. */
  version: number;
  /** The typing the next keystroke may join; any other action closes it. */
  typing: TypingBurst | null;
}

export type DocAction =
  | { type: "insert"; index: number; cell: Cell }
  | { type: "remove"; id: string }
  | { type: "move"; id: string; to: number }
  /** `at` (ms): when the key was pressed, so a burst of typing is one undo step; without it, its own step. */
  | { type: "editSource"; id: string; source: string; at?: number }
  /** One key of the front matter (the target form writes `target`); saved like a source edit. */
  | { type: "setMeta"; key: string; value: unknown }
  /** The info string's `key=value` settings (a chart's `source=`, `kpi`), edited like the source. */
  | { type: "editAttrs"; id: string; attrs: Cell["attrs"] }
  /** The cell with `cell.id`, swapped whole for `cell` in its place (a change of kind): one step. */
  | { type: "replaceCell"; cell: Cell }
  | { type: "replace"; notebook: Notebook }
  | { type: "undo" }
  | { type: "redo" };

export const HISTORY_LIMIT = 200;

export function initialDocState(notebook: Notebook): DocState {
  return { notebook, past: [], future: [], version: 0, typing: null };
}

const clamp = (value: number, max: number) => Math.max(0, Math.min(value, max));

/** Applies `op` to `cells`; returns the op as it really happened (actual index, current cell). */
export function applyOp(
  cells: readonly Cell[],
  op: StructuralOp,
): { cells: Cell[]; applied: StructuralOp } | null {
  const next = [...cells];
  if (op.type === "insert") {
    if (next.some((c) => c.id === op.cell.id)) return null;
    const index = clamp(op.index, next.length);
    next.splice(index, 0, op.cell);
    return { cells: next, applied: { ...op, index } };
  }
  const id = op.type === "remove" ? op.cell.id : op.id;
  const from = next.findIndex((c) => c.id === id);
  if (from < 0) return null;
  const [cell] = next.splice(from, 1) as [Cell];
  if (op.type === "remove") return { cells: next, applied: { type: "remove", index: from, cell } };
  const to = clamp(op.to, next.length);
  if (to === from) return null;
  next.splice(to, 0, cell);
  return { cells: next, applied: { type: "move", id, from, to } };
}

/** `notebook` as the new state, with the step that led there on the timeline (redo cleared). */
function record(
  state: DocState,
  notebook: Notebook,
  step: Omit<HistoryStep, "notebook">,
  typing: TypingBurst | null = null,
): DocState {
  const past = [...state.past, { ...step, notebook: state.notebook }].slice(-HISTORY_LIMIT);
  return { notebook, past, future: [], version: state.version + 1, typing };
}

function structural(state: DocState, op: StructuralOp): DocState {
  const result = applyOp(state.notebook.cells, op);
  if (!result) return state;
  const cellId = op.type === "move" ? op.id : op.cell.id;
  return record(state, { ...state.notebook, cells: result.cells }, { edit: op.type, cellId });
}

/** One cell changed by `change`, the others kept as they are (their components do not re-render). */
function withCell(state: DocState, id: string, change: (cell: Cell) => Cell | null): Notebook | null {
  const index = state.notebook.cells.findIndex((c) => c.id === id);
  const cell = state.notebook.cells[index];
  const changed = cell ? change(cell) : null;
  if (!changed) return null;
  const cells = [...state.notebook.cells];
  cells[index] = changed;
  return { ...state.notebook, cells };
}

function editSource(state: DocState, action: Extract<DocAction, { type: "editSource" }>): DocState {
  const before = cellSource(state.notebook, action.id);
  const notebook = withCell(state, action.id, (cell) =>
    cell.source === action.source ? null : { ...cell, source: action.source },
  );
  if (!notebook || before === undefined) return state;
  const { burst, joins } = nextBurst(state.typing, action.id, before, action.source, action.at);
  // The key joins the open step: the step keeps the text from before the burst began.
  if (joins) {
    return { ...state, notebook, version: state.version + 1, typing: burst };
  }
  return record(state, notebook, { edit: "typing", cellId: action.id }, burst);
}

const cellSource = (notebook: Notebook, id: string) => notebook.cells.find((c) => c.id === id)?.source;

/** Back one step (undo) or forward one (redo): the other stack gets the notebook as it is now. */
function travel(state: DocState, from: "past" | "future"): DocState {
  const step = state[from].at(-1);
  if (!step) return state;
  const back = { ...step, notebook: state.notebook };
  const rest = state[from].slice(0, -1);
  const other = from === "past" ? "future" : "past";
  return {
    ...state,
    notebook: step.notebook,
    [from]: rest,
    [other]: [...state[other], back],
    version: state.version + 1,
    typing: null,
  };
}

export function docReducer(state: DocState, action: DocAction): DocState {
  switch (action.type) {
    case "insert":
      return structural(state, { type: "insert", index: action.index, cell: action.cell });
    case "remove": {
      const index = state.notebook.cells.findIndex((c) => c.id === action.id);
      const cell = state.notebook.cells[index];
      return cell ? structural(state, { type: "remove", index, cell }) : state;
    }
    case "move": {
      const from = state.notebook.cells.findIndex((c) => c.id === action.id);
      return from < 0 ? state : structural(state, { type: "move", id: action.id, from, to: action.to });
    }
    case "editSource":
      return editSource(state, action);
    case "setMeta": {
      if (state.notebook.meta[action.key] === action.value) return state;
      const meta = { ...state.notebook.meta, [action.key]: action.value };
      return record(state, { ...state.notebook, meta }, { edit: "meta" });
    }
    case "editAttrs": {
      const notebook = withCell(state, action.id, (cell) =>
        JSON.stringify(cell.attrs) === JSON.stringify(action.attrs)
          ? null
          : { ...cell, attrs: action.attrs.map((a) => ({ ...a })) },
      );
      return notebook ? record(state, notebook, { edit: "attrs", cellId: action.id }) : state;
    }
    case "replaceCell": {
      const notebook = withCell(state, action.cell.id, (cell) => (cell === action.cell ? null : action.cell));
      return notebook ? record(state, notebook, { edit: "kind", cellId: action.cell.id }) : state;
    }
    case "replace":
      return { ...initialDocState(action.notebook), version: state.version + 1 };
    case "undo":
      return travel(state, "past");
    case "redo":
      return travel(state, "future");
  }
}

/** A new empty cell of `kind` with an id no cell uses yet (deterministic: see pipeline/document ids). */
export function blankCell(notebook: Notebook, kind: string): Cell {
  return { id: newCellId(notebook, kind), kind, attrs: [], source: "" };
}

/** A copy of `cell` under a fresh id, for "Duplicate". */
export function copyOfCell(notebook: Notebook, cell: Cell): Cell {
  return { ...cell, id: newCellId(notebook, cell.kind), attrs: cell.attrs.map((a) => ({ ...a })) };
}
