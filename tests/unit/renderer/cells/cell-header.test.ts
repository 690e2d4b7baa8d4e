// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runCommand } from "../../../../renderer/src/commands/notebook-commands";
import { setLocale } from "../../../../renderer/src/i18n";
import { notebookOf } from "../helpers/fake-service";
import { cellElement, type Harness, harness, renderWorkbench, statusOf } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));

let h: Harness;
const toolbar = (id: string) => screen.getByRole("toolbar", { name: `Actions of ${id}` });
const tabbable = (id: string) =>
  within(toolbar(id))
    .getAllByRole("button")
    .filter((b) => b.tabIndex === 0);
const press = (key: string) => fireEvent.keyDown(document.activeElement as Element, { key });
const cellOf = (id: string) => h.wb.doc.get().notebook.cells.find((c) => c.id === id);

beforeEach(() => {
  setLocale("en");
  h = harness(
    notebookOf([
      { id: "first", kind: "sql", source: "SELECT 1 AS n\nFROM range(3)" },
      { id: "second", kind: "sql", source: "SELECT 2", attrs: [{ key: "engine", value: "local" }] },
    ]),
  );
  renderWorkbench(h.wb);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("a cell's toolbar", () => {
  it("is one Tab stop named after its cell, and the arrows, Home and End move inside it", async () => {
    expect(tabbable("first").map((b) => b.getAttribute("aria-label"))).toEqual(["Run first"]);
    act(() => tabbable("first")[0]?.focus());
    press("ArrowRight");
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Edit first");
    // Move first up is disabled on the first cell: the arrows pass it by.
    press("ArrowRight");
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Move first down");
    press("End");
    expect(document.activeElement?.getAttribute("aria-label")).toBe("More actions of first");
    press("ArrowRight");
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Run first");
    press("ArrowLeft");
    press("Home");
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Run first");
    press("ArrowLeft");
    // Tab comes back to the button used last.
    expect(tabbable("first")).toEqual([document.activeElement]);
    expect(tabbable("second")).toHaveLength(1);
  });

  it("gives every button a name", () => {
    for (const id of ["first", "second"])
      for (const button of within(toolbar(id)).getAllByRole("button"))
        expect(button.getAttribute("aria-label")).toContain(id);
  });
});

describe("folding a cell", () => {
  it("folds the code to its first line and back, saying so with aria-expanded", async () => {
    const fold = screen.getByRole("button", { name: "Collapse the code of first" });
    expect(fold.getAttribute("aria-expanded")).toBe("true");
    await act(async () => fold.click());
    const unfold = screen.getByRole("button", { name: "Expand the code of first" });
    expect(unfold.getAttribute("aria-expanded")).toBe("false");
    expect(cellElement("first")?.querySelector("pre.cell-code")?.textContent).toBe("SELECT 1 AS n …");
    expect(cellElement("second")?.querySelector("pre.cell-code")?.textContent).toBe("SELECT 2");
    await act(async () => unfold.click());
    expect(cellElement("first")?.querySelector("pre.cell-code")?.textContent).toBe(
      "SELECT 1 AS n\nFROM range(3)",
    );
    // Session state: the notebook, which is saved, never changed.
    expect(h.wb.doc.get().version).toBe(0);
  });

  it("folds an output once there is one", async () => {
    expect(screen.queryByRole("button", { name: "Collapse the output of first" })).toBeNull();
    h.outcome.first = {
      status: "error",
      error: { code: "SQL_ERROR", message: "Something went wrong.", retryable: false },
    };
    await act(async () => runCommand(h.wb, "runCell", "first"));
    await waitFor(() => expect(statusOf("first")).toBe("error"));
    expect(cellElement("first")?.textContent).toContain("Something went wrong.");
    await act(async () => screen.getByRole("button", { name: "Collapse the output of first" }).click());
    expect(cellElement("first")?.textContent).toContain("Output collapsed");
    expect(cellElement("first")?.textContent).not.toContain("Something went wrong.");
    expect(
      screen.getByRole("button", { name: "Expand the output of first" }).getAttribute("aria-expanded"),
    ).toBe("false");
  });
});

describe("changing a cell's kind", () => {
  const choose = async (id: string, kind: string) => {
    await act(async () => screen.getByRole("button", { name: `More actions of ${id}` }).click());
    const menu = screen.getByRole("menu", { name: `Change the kind of ${id}` });
    await act(async () => within(menu).getByRole("menuitemradio", { name: kind }).click());
  };

  it("opens its menu on the current kind, moves with the arrows and closes on Escape", async () => {
    const trigger = screen.getByRole("button", { name: "More actions of first" });
    await act(async () => trigger.click());
    expect(trigger.getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement?.getAttribute("aria-checked")).toBe("true");
    expect(document.activeElement?.textContent).toBe("SQL");
    press("ArrowDown");
    expect(document.activeElement?.textContent).toBe("Ingest");
    await act(async () => press("Escape"));
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(trigger);
    // Tab leaves from the ⋯ button, not from an item that is about to go.
    await act(async () => trigger.click());
    await act(async () => press("Tab"));
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it("keeps the id and the text, drops prose's settings, and Undo brings the old cell back", async () => {
    await choose("second", "Markdown");
    expect(cellOf("second")).toEqual({ id: "second", kind: "markdown", attrs: [], source: "SELECT 2" });
    expect(cellElement("second")?.dataset.kind).toBe("markdown");
    await act(async () => runCommand(h.wb, "undo"));
    expect(cellOf("second")).toEqual({
      id: "second",
      kind: "sql",
      attrs: [{ key: "engine", value: "local" }],
      source: "SELECT 2",
    });
    expect(h.wb.doc.get().notebook.cells.map((c) => c.id)).toEqual(["first", "second"]);
  });

  it("asks before a kind that cannot keep the text, and starts from that kind's starter", async () => {
    await choose("second", "Chart");
    const dialog = screen.getByRole("dialog", { name: "Change second to Chart?" });
    expect(dialog.textContent).toContain("is not a Vega-Lite JSON object");
    await act(async () => within(dialog).getByRole("button", { name: "Keep it as it is" }).click());
    expect(cellOf("second")?.kind).toBe("sql");

    await choose("second", "Chart");
    await act(async () => screen.getByRole("button", { name: "Replace the text" }).click());
    const chart = cellOf("second");
    expect(chart?.kind).toBe("chart");
    // The starter binds the chart to the SQL cell above, never to itself.
    expect(chart?.attrs).toEqual([{ key: "source", value: "first" }]);
    expect(JSON.parse(chart?.source ?? "")).toMatchObject({ mark: "bar" });

    // With no SQL cell above, the starter takes one below: still not the cell itself.
    await choose("first", "Chart");
    await act(async () => screen.getByRole("button", { name: "Replace the text" }).click());
    expect(cellOf("first")?.attrs).toEqual([]);
  });
});
