// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../../../../renderer/src/i18n";
import { select } from "../../../../renderer/src/state/ui-store";
import { notebookOf } from "../helpers/fake-service";
import { cellElement, type Harness, harness, renderWorkbench } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));

let h: Harness;
const cellOf = (id: string) => h.wb.doc.get().notebook.cells.find((c) => c.id === id);
const press = async (key: string, init: Partial<KeyboardEventInit> = {}) => {
  const target = (document.activeElement as HTMLElement | null) ?? document.body;
  await act(async () => {
    fireEvent.keyDown(target, { key, ...init });
  });
};
/** Ctrl+Shift+P, then the words typed in the search: the options the palette offers. */
const paletteFor = async (words: string) => {
  await press("P", { ctrlKey: true, shiftKey: true });
  const palette = screen.getByRole("dialog");
  const search = within(palette).getByRole("combobox");
  fireEvent.change(search, { target: { value: words } });
  return {
    search,
    options: within(palette)
      .queryAllByRole("option")
      .map((o) => o.textContent),
  };
};
const changeKindFromPalette = async () => {
  const { search } = await paletteFor("kind");
  await act(async () => {
    fireEvent.keyDown(search, { key: "Enter" });
  });
};

beforeEach(async () => {
  setLocale("en");
  h = harness(
    notebookOf([
      { id: "first", kind: "sql", source: "SELECT 1 AS n" },
      { id: "second", kind: "sql", source: "SELECT 2", attrs: [{ key: "engine", value: "local" }] },
    ]),
  );
  renderWorkbench(h.wb);
  await h.settle();
  await act(async () => select(h.wb.ui, "second"));
});
afterEach(cleanup);

describe("Change cell kind… in the palette", () => {
  it("offers the menu's kinds for the selected cell, and one Undo takes the change back", async () => {
    // The ⋯ menu's choices, to compare with.
    await act(async () => screen.getByRole("button", { name: "More actions of second" }).click());
    const menuKinds = screen.getAllByRole("menuitemradio").map((item) => item.textContent);
    await press("Escape");

    await changeKindFromPalette();
    const dialog = screen.getByRole("dialog", { name: "Change the kind of second" });
    const choices = within(dialog).getByRole("group", { name: "Change the kind of second" });
    const names = within(choices)
      .getAllByRole("button")
      .map((b) => b.textContent);
    expect(names).toEqual(menuKinds);
    expect(names).toContain("Markdown");
    // It opens on the cell's kind, and the arrows move through the choices.
    expect(document.activeElement?.textContent).toBe("SQL");
    expect(document.activeElement?.getAttribute("aria-pressed")).toBe("true");
    await press("ArrowUp");
    expect(document.activeElement?.textContent).toBe("Markdown");
    await act(async () => (document.activeElement as HTMLElement).click());

    expect(screen.queryByRole("dialog")).toBeNull();
    expect(cellOf("second")).toEqual({ id: "second", kind: "markdown", attrs: [], source: "SELECT 2" });
    expect(cellElement("second")?.dataset.kind).toBe("markdown");
    await press("z");
    expect(cellOf("second")).toEqual({
      id: "second",
      kind: "sql",
      attrs: [{ key: "engine", value: "local" }],
      source: "SELECT 2",
    });
  });

  it("asks first, as the menu does, where the new kind cannot read the text", async () => {
    await changeKindFromPalette();
    await act(async () => screen.getByRole("button", { name: "Chart" }).click());
    const ask = screen.getByRole("dialog", { name: "Change second to Chart?" });
    expect(ask.textContent).toContain("is not a Vega-Lite JSON object");
    expect(screen.getAllByRole("dialog")).toHaveLength(1);
    await act(async () => within(ask).getByRole("button", { name: "Keep it as it is" }).click());
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(cellOf("second")?.kind).toBe("sql");

    await changeKindFromPalette();
    await act(async () => screen.getByRole("button", { name: "Chart" }).click());
    await act(async () => screen.getByRole("button", { name: "Replace the text" }).click());
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(cellOf("second")?.kind).toBe("chart");
    expect(cellOf("second")?.attrs).toEqual([{ key: "source", value: "first" }]);
  });

  it("is not offered when no cell is selected", async () => {
    expect((await paletteFor("kind")).options).toEqual(["Change cell kind…"]);
    await press("Escape");
    await act(async () => select(h.wb.ui, null));
    expect((await paletteFor("kind")).options).toEqual([]);
  });

  it("speaks Brazilian Portuguese", async () => {
    await act(async () => setLocale("pt-BR"));
    const { search, options } = await paletteFor("tipo");
    expect(options).toEqual(["Mudar o tipo da célula…"]);
    await act(async () => {
      fireEvent.keyDown(search, { key: "Enter" });
    });
    expect(screen.getByRole("dialog", { name: "Mudar o tipo de second" })).toBeTruthy();
  });
});
