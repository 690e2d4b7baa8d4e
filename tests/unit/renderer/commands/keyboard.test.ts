// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../../../../renderer/src/i18n";
import { notebookOf } from "../helpers/fake-service";
import { cellElement, type Harness, harness, renderWorkbench } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));

let h: Harness;
const ids = () => h.wb.doc.get().notebook.cells.map((c) => c.id);
const selected = () => h.wb.ui.get().selectedId;
const press = async (key: string, init: Partial<KeyboardEventInit> = {}) => {
  const target = (document.activeElement as HTMLElement | null) ?? document.body;
  await act(async () => {
    fireEvent.keyDown(target, { key, ...init });
  });
};

beforeEach(async () => {
  setLocale("en");
  h = harness(
    notebookOf([
      { id: "intro", kind: "markdown", source: "# Hi" },
      { id: "q1", kind: "sql", source: "SELECT 1" },
      { id: "q2", kind: "sql", source: "SELECT 2" },
    ]),
  );
  renderWorkbench(h.wb);
  await h.settle();
});
afterEach(cleanup);

describe("Jupyter keys on the notebook", () => {
  it("selects with arrows and J/K; the selected cell has focus", async () => {
    expect(selected()).toBe("intro");
    expect(document.activeElement).toBe(cellElement("intro"));
    await press("ArrowDown");
    await press("j");
    expect(selected()).toBe("q2");
    expect(document.activeElement).toBe(cellElement("q2"));
    await press("k");
    expect(selected()).toBe("q1");
  });

  it("A and B insert above and below; D, D deletes; Z undoes", async () => {
    await press("j");
    await press("b");
    expect(ids()).toEqual(["intro", "q1", "sql_1", "q2"]);
    expect(selected()).toBe("sql_1");
    await press("a");
    expect(ids()).toEqual(["intro", "q1", "sql_2", "sql_1", "q2"]);
    await press("d");
    expect(ids()).toHaveLength(5);
    await press("d");
    expect(ids()).toEqual(["intro", "q1", "sql_1", "q2"]);
    await press("z");
    expect(ids()).toEqual(["intro", "q1", "sql_2", "sql_1", "q2"]);
    expect(selected()).toBe("sql_2");
  });

  it("Enter edits, Esc leaves the editor, Shift+Enter runs and moves on", async () => {
    await press("j");
    await press("Enter");
    const editor = screen.getByLabelText("Source of q1");
    editor.focus();
    expect(h.wb.ui.get().mode).toBe("edit");
    // In the editor, letters are text, not commands.
    await press("b");
    expect(ids()).toHaveLength(3);
    await press("Escape");
    expect(h.wb.ui.get().mode).toBe("command");
    expect(screen.queryByLabelText("Source of q1")).toBeNull();
    expect(document.activeElement).toBe(cellElement("q1"));
    await press("Enter", { shiftKey: true });
    expect(selected()).toBe("q2");
    await waitFor(() => expect(cellElement("q1")?.dataset.status).toBe("ok"));
    expect(h.service.callsOf("cell.run")).toEqual([{ cellId: "q1" }]);
  });

  it("Shift+Enter in the editor runs instead of typing a newline", async () => {
    await press("j");
    await press("Enter");
    screen.getByLabelText("Source of q1").focus();
    await press("Enter", { shiftKey: true });
    expect(selected()).toBe("q2");
    expect(h.wb.ui.get().mode).toBe("command");
    await waitFor(() => expect(h.service.callsOf("cell.run")).toEqual([{ cellId: "q1" }]));
  });

  it("H opens the shortcut help and Ctrl+Shift+P the palette, which runs commands", async () => {
    await press("h");
    const help = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    expect(help.textContent).toContain("Insert cell above");
    expect(help.textContent).toContain("D, D");
    await act(async () => {
      fireEvent.keyDown(help, { key: "Escape" });
    });
    expect(screen.queryByRole("dialog")).toBeNull();

    await press("P", { ctrlKey: true, shiftKey: true });
    const search = screen.getByRole("combobox", { name: "Type a command" });
    fireEvent.change(search, { target: { value: "insert below" } });
    await act(async () => {
      fireEvent.keyDown(search, { key: "Enter" });
    });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(ids()).toEqual(["intro", "sql_1", "q1", "q2"]);
  });

  it("toolbar buttons run the same commands, named for assistive tech", async () => {
    for (const name of ["Run all", "Run cell", "Cancel", "Add cell"]) {
      expect(screen.getByRole("button", { name })).toBeTruthy();
    }
    await act(async () => {
      screen.getByRole("button", { name: "Add cell" }).click();
    });
    expect(ids()).toEqual(["intro", "sql_1", "q1", "q2"]);
  });
});
