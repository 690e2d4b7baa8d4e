// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setRenderProbe } from "../../../../renderer/src/cells/render-probe";
import { setLocale } from "../../../../renderer/src/i18n";
import { select } from "../../../../renderer/src/state/ui-store";
import { notebookOf } from "../helpers/fake-service";
import { harness, renderWorkbench } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));

afterEach(() => {
  setRenderProbe(null);
  cleanup();
});

describe("typing in one cell", () => {
  it("re-renders that cell only", async () => {
    setLocale("en");
    const ids = Array.from({ length: 12 }, (_, i) => `q${i}`);
    const h = harness(
      notebookOf(ids.map((id) => ({ id, kind: id === "q0" ? "markdown" : "sql", source: `SELECT ${id}` }))),
    );
    h.deps.q5 = { writes: ["t.five"] };
    h.deps.q6 = { reads: ["t.five"] };
    renderWorkbench(h.wb);
    await act(async () => select(h.wb.ui, "q5", "edit"));
    await h.settle(400); // dependencies answered, catalog loaded: the page is quiet

    const renders = new Map<string, number>();
    setRenderProbe((id) => renders.set(id, (renders.get(id) ?? 0) + 1));
    const editor = screen.getByLabelText("Source of q5");
    for (const text of ["SELECT 5 ", "SELECT 5 +", "SELECT 5 + 1"]) {
      fireEvent.change(editor, { target: { value: text } });
    }
    await h.settle(400); // let autosave, the journal and the dependency refresh run too

    expect(h.wb.doc.get().notebook.cells[5]?.source).toBe("SELECT 5 + 1");
    expect([...renders.keys()]).toEqual(["q5"]);
    expect(renders.get("q5")).toBeGreaterThanOrEqual(3);
    expect(h.service.callsOf("notebook.journal").length).toBeGreaterThan(0);
  });
});
