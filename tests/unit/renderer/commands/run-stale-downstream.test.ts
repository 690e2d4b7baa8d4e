// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../../../../renderer/src/i18n";
import { notebookOf } from "../helpers/fake-service";
import { type Harness, harness, renderWorkbench, statusOf } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));

let h: Harness;
const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;
const click = async (name: string) => {
  await act(async () => button(name).click());
};
const ran = () => (h.service.callsOf("cell.run") as { cellId: string }[]).map((c) => c.cellId);
const forget = () => h.service.calls.splice(0);

beforeEach(async () => {
  setLocale("en");
  h = harness(
    notebookOf([
      { id: "load", kind: "sql", source: "CREATE TABLE raw.t AS SELECT 1" },
      { id: "clean", kind: "sql", source: "CREATE TABLE trusted.t AS SELECT * FROM raw.t" },
      { id: "side", kind: "sql", source: "SELECT 2" },
      { id: "top", kind: "sql", source: "SELECT * FROM trusted.t" },
    ]),
    {
      deps: {
        load: { writes: ["raw.t"] },
        clean: { reads: ["raw.t"], writes: ["trusted.t"] },
        top: { reads: ["trusted.t"] },
      },
    },
  );
  renderWorkbench(h.wb);
  await h.settle(20);
});
afterEach(cleanup);

describe("Run stale and Run downstream", () => {
  it("Run stale runs the cells never run, then only the stale ones, in notebook order", async () => {
    expect(button("Run stale").disabled).toBe(false);
    await click("Run stale");
    await waitFor(() => expect(statusOf("top")).toBe("ok"));
    expect(ran()).toEqual(["load", "clean", "side", "top"]);
    await waitFor(() => expect(button("Run stale").disabled).toBe(true));

    forget();
    act(() =>
      h.wb.doc.dispatch({ type: "editSource", id: "clean", source: "CREATE TABLE trusted.t AS SELECT 2" }),
    );
    await waitFor(() => expect(statusOf("top")).toBe("stale"));
    await click("Run stale");
    await waitFor(() => expect(statusOf("top")).toBe("ok"));
    expect(ran()).toEqual(["clean", "top"]);
  });

  it("Run downstream (Ctrl+Shift+Enter) runs the selected cell and every cell that depends on it", async () => {
    act(() => h.wb.ui.set((s) => ({ ...s, selectedId: "load" })));
    await act(async () => {
      fireEvent.keyDown(document.body, { key: "Enter", ctrlKey: true, shiftKey: true });
    });
    await waitFor(() => expect(statusOf("top")).toBe("ok"));
    expect(ran()).toEqual(["load", "clean", "top"]);
    expect(statusOf("side")).toBe("idle");
  });

  it("both are in the palette with their shortcuts and names in both languages", async () => {
    await act(async () => {
      fireEvent.keyDown(document.body, { key: "P", ctrlKey: true, shiftKey: true });
    });
    const search = screen.getByRole("combobox", { name: "Type a command" });
    fireEvent.change(search, { target: { value: "stale" } });
    expect(screen.getByRole("option", { name: /Run stale cells/ }).textContent).toContain("Ctrl+Alt+Enter");
    fireEvent.change(search, { target: { value: "depends" } });
    expect(screen.getByRole("option", { name: /every cell that depends on it/ })).toBeTruthy();
    await act(async () => fireEvent.keyDown(search, { key: "Escape" }));
    act(() => setLocale("pt-BR"));
    expect(button("Executar desatualizadas")).toBeTruthy();
    expect(button("Executar dependentes")).toBeTruthy();
  });
});
