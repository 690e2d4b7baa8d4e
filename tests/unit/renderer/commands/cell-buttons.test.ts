// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as actions from "../../../../renderer/src/commands/notebook-actions";
import { notebookCommands } from "../../../../renderer/src/commands/notebook-commands";
import { setLocale } from "../../../../renderer/src/i18n";
import { notebookOf } from "../helpers/fake-service";
import { type Harness, harness, renderWorkbench, statusOf } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));

let h: Harness;
const click = async (name: string) => {
  await act(async () => {
    screen.getByRole("button", { name }).click();
  });
};
const command = (id: string) => notebookCommands.find((c) => c.id === id);

beforeEach(() => {
  setLocale("en");
  h = harness(
    notebookOf([
      { id: "first", kind: "sql", source: "SELECT 1" },
      { id: "second", kind: "sql", source: "SELECT 2" },
    ]),
  );
  renderWorkbench(h.wb);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("a cell's own buttons run the registered commands", () => {
  it("Run <id> is the runCell command on that cell: it selects the cell and queues it", async () => {
    const perform = vi.spyOn(command("runCell") as NonNullable<ReturnType<typeof command>>, "perform");
    await click("Run second");
    expect(perform).toHaveBeenCalledWith(h.wb, "second");
    expect(h.wb.ui.get().selectedId).toBe("second");
    await waitFor(() => expect(statusOf("second")).toBe("ok"));
    expect(h.service.callsOf("cell.run")).toEqual([{ cellId: "second" }]);
  });

  it("Stop <id> takes a waiting cell out of the queue and cancels the running one, without selecting", async () => {
    const stop = vi.spyOn(actions, "stopCell");
    h.outcome.first = null; // runs until cancelled
    await act(async () => h.wb.queue.enqueue(["first", "second"]));
    await waitFor(() => expect(h.wb.runs.get().current?.runId).toBe(h.runIds.first));
    await click("Stop second");
    expect(stop).toHaveBeenCalledWith(h.wb, "second");
    expect(h.wb.runs.get().queue).toEqual([]);
    expect(statusOf("second")).toBe("idle");
    await click("Stop first");
    expect(h.service.callsOf("run.cancel")).toEqual([{ runId: h.runIds.first }]);
    await waitFor(() => expect(statusOf("first")).toBe("error"));
    expect(h.wb.ui.get().selectedId).toBe("first"); // the first cell was selected from the start
  });

  it("Move, Duplicate and Delete act on their cell like the keyboard's commands on the selection", async () => {
    await click("Move second up");
    expect(h.wb.doc.get().notebook.cells.map((c) => c.id)).toEqual(["second", "first"]);
    await click("Delete first");
    expect(h.wb.doc.get().notebook.cells.map((c) => c.id)).toEqual(["second"]);
    await click("Duplicate second");
    expect(h.wb.doc.get().notebook.cells).toHaveLength(2);
  });

  it("keeps cell-only commands out of the palette", () => {
    const hidden = notebookCommands.filter((c) => c.inPalette === false).map((c) => c.id);
    expect(hidden).toEqual([
      "stopCell",
      "selectCell",
      "reloadCatalog",
      "restoreEdits",
      "discardEdits",
      "reloadFromDisk",
      "keepMine",
    ]);
  });
});
