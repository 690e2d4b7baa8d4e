import { newCellId } from "../../../pipeline/document/ids";
import type { Cell, Notebook } from "../../../pipeline/document/model";

/**
 * Structural edits (add, delete, move) as operations with an inverse, so undo puts back exactly that
 * one edit and keeps the text typed since in other cells. Source edits are not in this history:
 * the editor has its own undo for text.
 */
export type StructuralOp =
  | { type: "insert"; index: number; cell: Cell }
  | { type: "remove"; index: number; cell: Cell }
  | { type: "move"; id: string; from: number; to: number };

export interface DocState {
  notebook: Notebook;
  past: StructuralOp[];
  future: StructuralOp[];
  /** Bumped on every change of the notebook: autosave and the journal follow it. */
  version: number;
}

export type DocAction =
  | { type: "insert"; index: number; cell: Cell }
  | { type: "remove"; id: string }
  | { type: "move"; id: string; to: number }
  | { type: "editSource"; id: string; source: string }
  /** One key of the front matter (the target form writes `target`); saved like a source edit. */
  | { type: "setMeta"; key: string; value: unknown }
  /** The info string's `key=value` settings (a chart's `source=`, `kpi`), edited like the source. */
  | { type: "editAttrs"; id: string; attrs: Cell["attrs"] }
  | { type: "replace"; notebook: Notebook }
  | { type: "undo" }
  | { type: "redo" };

export const HISTORY_LIMIT = 200;

export function initialDocState(notebook: Notebook): DocState {
  return { notebook, past: [], future: [], version: 0 };
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

export function inverse(op: StructuralOp): StructuralOp {
  if (op.type === "insert") return { type: "remove", index: op.index, cell: op.cell };
  if (op.type === "remove") return { type: "insert", index: op.index, cell: op.cell };
  return { type: "move", id: op.id, from: op.to, to: op.from };
}

function withCells(state: DocState, cells: Cell[]): Pick<DocState, "notebook" | "version"> {
  return { notebook: { ...state.notebook, cells }, version: state.version + 1 };
}

function structural(state: DocState, op: StructuralOp): DocState {
  const result = applyOp(state.notebook.cells, op);
  if (!result) return state;
  return {
    ...withCells(state, result.cells),
    past: [...state.past, result.applied].slice(-HISTORY_LIMIT),
    future: [],
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
    case "editSource": {
      const index = state.notebook.cells.findIndex((c) => c.id === action.id);
      const cell = state.notebook.cells[index];
      if (!cell || cell.source === action.source) return state;
      const cells = [...state.notebook.cells];
      cells[index] = { ...cell, source: action.source };
      return { ...state, ...withCells(state, cells) };
    }
    case "setMeta": {
      if (state.notebook.meta[action.key] === action.value) return state;
      const meta = { ...state.notebook.meta, [action.key]: action.value };
      return { ...state, notebook: { ...state.notebook, meta }, version: state.version + 1 };
    }
    case "editAttrs": {
      const index = state.notebook.cells.findIndex((c) => c.id === action.id);
      const cell = state.notebook.cells[index];
      if (!cell || JSON.stringify(cell.attrs) === JSON.stringify(action.attrs)) return state;
      const cells = [...state.notebook.cells];
      cells[index] = { ...cell, attrs: action.attrs.map((a) => ({ ...a })) };
      return { ...state, ...withCells(state, cells) };
    }
    case "replace":
      return { notebook: action.notebook, past: [], future: [], version: state.version + 1 };
    case "undo": {
      const op = state.past.at(-1);
      if (!op) return state;
      const result = applyOp(state.notebook.cells, inverse(op));
      const past = state.past.slice(0, -1);
      if (!result) return { ...state, past };
      return { ...withCells(state, result.cells), past, future: [...state.future, inverse(result.applied)] };
    }
    case "redo": {
      const op = state.future.at(-1);
      if (!op) return state;
      const result = applyOp(state.notebook.cells, op);
      const future = state.future.slice(0, -1);
      if (!result) return { ...state, future };
      return { ...withCells(state, result.cells), past: [...state.past, result.applied], future };
    }
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
