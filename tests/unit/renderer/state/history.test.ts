import { describe, expect, it } from "vitest";
import {
  blankCell,
  copyOfCell,
  type DocAction,
  type DocState,
  docReducer,
  initialDocState,
} from "../../../../renderer/src/state/history";
import { notebookOf } from "../helpers/fake-service";

const start = () =>
  initialDocState(
    notebookOf([
      { id: "a", kind: "sql", source: "SELECT 1" },
      { id: "b", kind: "markdown", source: "# B" },
      { id: "c", kind: "sql", source: "SELECT 3" },
    ]),
  );
const run = (state: DocState, ...actions: DocAction[]) => actions.reduce(docReducer, state);
const ids = (state: DocState) => state.notebook.cells.map((c) => c.id).join(",");

describe("docReducer: edits with undo/redo", () => {
  it("inserts, removes and moves, recording each in the history", () => {
    const s0 = start();
    const cell = blankCell(s0.notebook, "sql");
    expect(cell.id).toBe("sql_1");
    const s1 = run(s0, { type: "insert", index: 1, cell });
    expect(ids(s1)).toBe("a,sql_1,b,c");
    const s2 = run(s1, { type: "remove", id: "b" }, { type: "move", id: "a", to: 2 });
    expect(ids(s2)).toBe("sql_1,c,a");
    expect(s2.past).toHaveLength(3);
    expect(s2.version).toBe(3);
  });

  it("undoes and redoes in order, back to the exact start", () => {
    const s0 = start();
    const s = run(
      s0,
      { type: "insert", index: 0, cell: blankCell(s0.notebook, "sql") },
      { type: "remove", id: "b" },
      { type: "move", id: "c", to: 0 },
    );
    const undone = run(s, { type: "undo" }, { type: "undo" }, { type: "undo" });
    expect(undone.notebook.cells).toEqual(s0.notebook.cells);
    expect(undone.future).toHaveLength(3);
    const redone = run(undone, { type: "redo" }, { type: "redo" }, { type: "redo" });
    expect(ids(redone)).toBe(ids(s));
    expect(run(redone, { type: "redo" })).toBe(redone);
  });

  it("undoes typing and structural edits as one timeline, in order, and redo gives both back", () => {
    const s = run(start(), { type: "remove", id: "b" }, { type: "editSource", id: "c", source: "SELECT 33" });
    const once = run(s, { type: "undo" });
    expect(ids(once)).toBe("a,c");
    expect(once.notebook.cells[1]?.source).toBe("SELECT 3");
    const twice = run(once, { type: "undo" });
    expect(ids(twice)).toBe("a,b,c");
    const redone = run(twice, { type: "redo" }, { type: "redo" });
    expect(ids(redone)).toBe("a,c");
    expect(redone.notebook.cells[1]?.source).toBe("SELECT 33");
  });

  it("redo of an undone insert brings back the text typed into the new cell", () => {
    const s0 = start();
    const cell = blankCell(s0.notebook, "sql");
    const s = run(
      s0,
      { type: "insert", index: 3, cell },
      { type: "editSource", id: cell.id, source: "typed" },
    );
    const redone = run(s, { type: "undo" }, { type: "undo" }, { type: "redo" }, { type: "redo" });
    expect(redone.notebook.cells[3]).toMatchObject({ id: cell.id, source: "typed" });
  });

  it("a source edit is one step on the timeline; other cells keep their identity", () => {
    const s0 = start();
    const s1 = run(s0, { type: "editSource", id: "a", source: "SELECT 2" });
    expect(s1.past).toHaveLength(1);
    expect(s1.notebook.cells[1]).toBe(s0.notebook.cells[1]);
    expect(s1.notebook.cells[0]).not.toBe(s0.notebook.cells[0]);
    expect(run(s1, { type: "editSource", id: "a", source: "SELECT 2" })).toBe(s1);
  });

  it("a new edit clears the redo stack; replace clears all history", () => {
    const s = run(start(), { type: "remove", id: "a" }, { type: "undo" }, { type: "remove", id: "b" });
    expect(s.future).toHaveLength(0);
    const replaced = run(s, { type: "replace", notebook: notebookOf([{ id: "z", kind: "sql" }]) });
    expect(replaced.past).toHaveLength(0);
    expect(run(replaced, { type: "undo" })).toBe(replaced);
  });

  it("duplicates under a fresh id and ignores moves out of range or onto the same place", () => {
    const s0 = start();
    const copy = copyOfCell(s0.notebook, s0.notebook.cells[0] as never);
    expect(copy).toMatchObject({ id: "sql_1", kind: "sql", source: "SELECT 1" });
    expect(run(s0, { type: "move", id: "a", to: 0 })).toBe(s0);
    expect(ids(run(s0, { type: "move", id: "a", to: 99 }))).toBe("b,c,a");
    expect(run(s0, { type: "remove", id: "missing" })).toBe(s0);
  });
});
