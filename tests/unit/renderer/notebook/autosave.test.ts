// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../../../../renderer/src/i18n";
import { ServiceCallError } from "../../../../renderer/src/service/transport";
import { notebookOf } from "../helpers/fake-service";
import { harness, renderWorkbench } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));

afterEach(cleanup);
const saveState = () => document.querySelector("[data-save-state]")?.textContent;
const nb = () => notebookOf([{ id: "q1", kind: "sql", source: "SELECT 1" }]);

describe("autosave and the journal", () => {
  it("journals every edit at once and saves once, shortly after the last edit", async () => {
    setLocale("en");
    // Long enough that three edits land inside one delay even on a busy machine.
    const h = harness(nb(), { autosaveMs: 500 });
    renderWorkbench(h.wb);
    expect(saveState()).toBe("Saved");
    for (const source of ["SELECT 1 ", "SELECT 1 +", "SELECT 1 + 1"]) {
      await act(async () => h.wb.doc.dispatch({ type: "editSource", id: "q1", source }));
    }
    expect(saveState()).toBe("Unsaved changes");
    expect(h.service.callsOf("notebook.journal").length).toBeGreaterThanOrEqual(1);
    expect(h.service.callsOf("notebook.save")).toHaveLength(0);
    await waitFor(() => expect(saveState()).toBe("Saved"), { timeout: 5_000 });
    const saves = h.service.callsOf("notebook.save") as { notebook: { cells: { source: string }[] } }[];
    expect(saves).toHaveLength(1);
    expect(saves[0]?.notebook.cells[0]?.source).toBe("SELECT 1 + 1");
    // The journal always ends with the latest text, even when edits came faster than it answered.
    const journals = h.service.callsOf("notebook.journal") as { notebook: { cells: { source: string }[] } }[];
    expect(journals.at(-1)?.notebook.cells[0]?.source).toBe("SELECT 1 + 1");
  });

  it("shows a failed save and tries again on the next edit", async () => {
    setLocale("en");
    const h = harness(nb(), { autosaveMs: 10 });
    h.service.handle("notebook.save", () => {
      throw new Error("disk full");
    });
    renderWorkbench(h.wb);
    await act(async () => h.wb.doc.dispatch({ type: "editSource", id: "q1", source: "SELECT 2" }));
    await waitFor(() => expect(saveState()).toBe("Not saved: disk full"));
    h.service.handle("notebook.save", () => ({ path: "/nb/test.lakebook.md", bytes: 10 }));
    await act(async () => h.wb.doc.dispatch({ type: "editSource", id: "q1", source: "SELECT 3" }));
    await waitFor(() => expect(saveState()).toBe("Saved"));
  });
});

describe("a save that would overwrite a change on disk", () => {
  it("stops autosaving, asks, and replaces the file only after Keep mine", async () => {
    setLocale("en");
    const h = harness(nb(), { autosaveMs: 10 });
    h.service.handle("notebook.save", (params) => {
      if ((params as { overwrite?: boolean }).overwrite) return { path: "/nb/test.lakebook.md", bytes: 10 };
      throw new ServiceCallError("NOTEBOOK_CHANGED_ON_DISK", "changed on disk", "Reload it", false);
    });
    renderWorkbench(h.wb);
    await act(async () => h.wb.doc.dispatch({ type: "editSource", id: "q1", source: "SELECT 2" }));
    await screen.findByRole("button", { name: "Keep mine" });
    const refused = h.service.callsOf("notebook.save").length;
    await act(async () => h.wb.doc.dispatch({ type: "editSource", id: "q1", source: "SELECT 3" }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Edits are still journaled, but nothing is saved over the file while the question is open.
    expect(h.service.callsOf("notebook.save")).toHaveLength(refused);
    expect(
      (h.service.callsOf("notebook.journal").at(-1) as { notebook: { cells: { source: string }[] } }).notebook
        .cells[0]?.source,
    ).toBe("SELECT 3");
    await act(async () => screen.getByRole("button", { name: "Keep mine" }).click());
    await waitFor(() => expect(saveState()).toBe("Saved"));
    expect(h.service.callsOf("notebook.save").at(-1)).toMatchObject({ overwrite: true });
  });
});

describe("recovery and changes on disk", () => {
  it("offers journaled edits back; restoring sets the notebook and saves it", async () => {
    setLocale("en");
    const recovered = notebookOf([
      { id: "q1", kind: "sql", source: "SELECT 'unsaved'" },
      { id: "q2", kind: "sql", source: "SELECT 2" },
    ]);
    const h = harness(nb(), { recovered });
    renderWorkbench(h.wb);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Edits that were not saved");
    await act(async () => screen.getByRole("button", { name: "Restore unsaved edits" }).click());
    expect(h.wb.doc.get().notebook).toEqual(recovered);
    await waitFor(() => expect(h.service.callsOf("notebook.save")).toEqual([{ notebook: recovered }]));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(document.querySelector('[data-cell-id="q2"]')).not.toBeNull();
  });

  it("discarding asks the service to drop the journal and keeps the file's notebook", async () => {
    setLocale("en");
    const h = harness(nb(), { recovered: notebookOf([{ id: "zz", kind: "sql" }]) });
    renderWorkbench(h.wb);
    await act(async () => screen.getByRole("button", { name: "Discard" }).click());
    expect(h.service.callsOf("notebook.discardJournal")).toHaveLength(1);
    expect(h.wb.doc.get().notebook).toEqual(nb());
  });

  it("asks when the file changed on disk: Reload takes the file, Keep mine saves ours", async () => {
    setLocale("pt-BR");
    const h = harness(nb());
    const onDisk = notebookOf([{ id: "q1", kind: "sql", source: "SELECT 'from disk'" }]);
    h.service.handle("notebook.open", () => ({ path: "/nb/test.lakebook.md", notebook: onDisk }));
    renderWorkbench(h.wb);
    await act(async () => h.service.emit({ type: "notebook.changed", path: "/nb/test.lakebook.md" }));
    expect(screen.getByRole("alert").textContent).toContain("O arquivo mudou no disco.");
    await act(async () => screen.getByRole("button", { name: "Recarregar" }).click());
    await waitFor(() => expect(h.wb.doc.get().notebook).toEqual(onDisk));
    expect(h.service.callsOf("notebook.save")).toHaveLength(0);

    await act(async () => h.service.emit({ type: "notebook.changed", path: "/nb/test.lakebook.md" }));
    await act(async () => screen.getByRole("button", { name: "Manter as minhas" }).click());
    await waitFor(() =>
      expect(h.service.callsOf("notebook.save")).toEqual([{ notebook: onDisk, overwrite: true }]),
    );
    setLocale("en");
  });
});
