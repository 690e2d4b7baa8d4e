import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  blankCell,
  type DocAction,
  type DocState,
  docReducer,
  HISTORY_LIMIT,
  initialDocState,
} from "../../../../renderer/src/state/history";
import { TYPING_PAUSE_MS, textChange } from "../../../../renderer/src/state/typing-burst";
import { fuzzed } from "../../../fuzz/settings";
import { notebookOf } from "../helpers/fake-service";

const start = () =>
  initialDocState(
    notebookOf([
      { id: "a", kind: "sql", source: "" },
      { id: "b", kind: "markdown", source: "# B" },
      { id: "c", kind: "sql", source: "SELECT 3" },
    ]),
  );
const run = (state: DocState, ...actions: DocAction[]) => actions.reduce(docReducer, state);
const source = (state: DocState, id: string) => state.notebook.cells.find((c) => c.id === id)?.source;

/** Types `text` into cell `id` one key at a time, `gap` ms apart, from `at`. */
function typeInto(state: DocState, id: string, text: string, at = 0, gap = 50): DocState {
  let s = state;
  for (const [n, char] of [...text].entries()) {
    s = docReducer(s, { type: "editSource", id, source: (source(s, id) ?? "") + char, at: at + n * gap });
  }
  return s;
}
const undoAll = (s: DocState) => run(s, ...s.past.map(() => ({ type: "undo" }) as const));
const redoAll = (s: DocState) => run(s, ...s.future.map(() => ({ type: "redo" }) as const));

describe("typing on the timeline", () => {
  it("a burst of keys is one step; a new word, a pause, another cell or deleting starts the next", () => {
    const s = typeInto(start(), "a", "hello world");
    expect(source(s, "a")).toBe("hello world");
    expect(s.past).toHaveLength(2);
    expect(source(run(s, { type: "undo" }), "a")).toBe("hello ");
    expect(source(run(s, { type: "undo" }, { type: "undo" }), "a")).toBe("");

    const paused = typeInto(s, "a", "!", 550 + TYPING_PAUSE_MS + 1);
    expect(paused.past).toHaveLength(3);
    const other = typeInto(s, "c", "4", 560);
    expect(other.past).toHaveLength(3);
    const deleting = run(s, { type: "editSource", id: "a", source: "hello worl", at: 560 });
    expect(deleting.past).toHaveLength(3);
  });

  it("a paste, or an edit made by the program (no time), is a step of its own", () => {
    const s = typeInto(start(), "a", "SEL");
    const pasted = run(s, { type: "editSource", id: "a", source: "SELECT * FROM t", at: 200 });
    expect(pasted.past).toHaveLength(2);
    const programmed = run(s, { type: "editSource", id: "a", source: "SELE" });
    expect(programmed.past).toHaveLength(2);
  });

  it("after Undo the next key starts a new step instead of joining the undone one", () => {
    const s = run(typeInto(start(), "a", "ab"), { type: "undo" });
    const typed = typeInto(s, "a", "x", 120);
    expect(source(typed, "a")).toBe("x");
    expect(typed.past).toHaveLength(1);
    expect(source(run(typed, { type: "undo" }), "a")).toBe("");
  });

  it("the issue's sequence: delete, Undo, type: Redo is gone and never re-deletes the cell", () => {
    const deleted = run(start(), { type: "remove", id: "b" });
    const undone = run(deleted, { type: "undo" });
    expect(undone.future).toHaveLength(1);
    const typed = typeInto(undone, "a", "SELECT 1");
    expect(typed.future).toHaveLength(0);
    expect(run(typed, { type: "redo" })).toBe(typed);
    // Undo takes back the typing first, then Redo restores it exactly.
    const back = run(typed, { type: "undo" }, { type: "undo" });
    expect(source(back, "a")).toBe("");
    expect(source(redoAll(back), "a")).toBe("SELECT 1");
    expect(redoAll(back).notebook.cells.map((c) => c.id)).toEqual(["a", "b", "c"]);
  });

  it("finds what one edit changed", () => {
    expect(textChange("SELECT 1", "SELECT 12")).toEqual({ removed: "", inserted: "2" });
    expect(textChange("aaa", "aa")).toEqual({ removed: "a", inserted: "" });
    expect(textChange("a b c", "a X c")).toEqual({ removed: "b", inserted: "X" });
  });
});

// Random sessions: keys typed (sometimes after a pause), deletions, pastes, cells added, deleted
// and moved, chart settings and the target changed, Undo and Redo in any order.
const actionArb = fc.oneof(
  fc.record({
    kind: fc.constant("type" as const),
    cell: fc.nat(4),
    text: fc.constantFrom("a", "b", " ", "\n", "é"),
  }),
  fc.record({ kind: fc.constant("backspace" as const), cell: fc.nat(4) }),
  fc.record({ kind: fc.constant("paste" as const), cell: fc.nat(4), text: fc.string({ maxLength: 6 }) }),
  fc.record({ kind: fc.constant("pause" as const) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(5) }),
  fc.record({ kind: fc.constant("remove" as const), cell: fc.nat(4) }),
  fc.record({ kind: fc.constant("move" as const), cell: fc.nat(4), to: fc.nat(5) }),
  fc.record({ kind: fc.constant("attrs" as const), cell: fc.nat(4), kpi: fc.boolean() }),
  fc.record({ kind: fc.constant("meta" as const), value: fc.nat(3) }),
  fc.record({ kind: fc.constant("undo" as const) }),
  fc.record({ kind: fc.constant("redo" as const) }),
);
type Step = typeof actionArb extends fc.Arbitrary<infer T> ? T : never;

function toAction(state: DocState, step: Step, now: number): DocAction | null {
  const cells = state.notebook.cells;
  const cell = "cell" in step ? cells[step.cell % Math.max(1, cells.length)] : undefined;
  switch (step.kind) {
    case "type":
      return cell ? { type: "editSource", id: cell.id, source: cell.source + step.text, at: now } : null;
    case "backspace":
      return cell ? { type: "editSource", id: cell.id, source: cell.source.slice(0, -1), at: now } : null;
    case "paste":
      return cell ? { type: "editSource", id: cell.id, source: step.text + cell.source, at: now } : null;
    case "pause":
      return null;
    case "insert":
      return { type: "insert", index: step.at, cell: blankCell(state.notebook, "sql") };
    case "remove":
      return cell ? { type: "remove", id: cell.id } : null;
    case "move":
      return cell ? { type: "move", id: cell.id, to: step.to } : null;
    case "attrs":
      return cell ? { type: "editAttrs", id: cell.id, attrs: step.kpi ? [{ key: "kpi" }] : [] } : null;
    case "meta":
      return { type: "setMeta", key: "title", value: `T${step.value}` };
    case "undo":
    case "redo":
      return { type: step.kind };
  }
}

describe("the timeline, property-style", () => {
  it("loses nothing: every state comes back exactly after undo-all and redo-all; a new edit clears redo", () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 60 }), (steps) => {
        const initial = start();
        let state = initial;
        // The notebook right after the last edit: what the user last typed or did.
        let latest = initial.notebook;
        let now = 0;
        for (const step of steps) {
          now += step.kind === "pause" ? TYPING_PAUSE_MS + 1 : 40;
          const action = toAction(state, step, now);
          if (!action) continue;
          const next = docReducer(state, action);
          const isEdit = action.type !== "undo" && action.type !== "redo";
          if (isEdit && next !== state) {
            expect(next.future).toEqual([]);
            latest = next.notebook;
          }
          state = next;
        }
        expect(state.past.length).toBeLessThanOrEqual(HISTORY_LIMIT);
        // Whatever was typed last is there again after redoing everything, from wherever undo left off.
        expect(redoAll(state).notebook).toEqual(latest);
        expect(redoAll(undoAll(state)).notebook).toEqual(latest);
        // Undo all goes back to the notebook as it was opened.
        expect(undoAll(state).notebook).toEqual(initial.notebook);
      }),
      fuzzed(300),
    );
  });
});
