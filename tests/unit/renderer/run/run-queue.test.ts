// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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

beforeEach(() => {
  setLocale("en");
  h = harness(
    notebookOf([
      { id: "load", kind: "sql", source: "CREATE TABLE t.a AS SELECT 1" },
      { id: "broken", kind: "sql", source: "SELECT nope" },
      { id: "after", kind: "sql", source: "SELECT * FROM t.a" },
      { id: "last", kind: "sql", source: "SELECT 4" },
    ]),
    { deps: { load: { writes: ["t.a"] }, after: { reads: ["t.a"] } } },
  );
  renderWorkbench(h.wb);
});
afterEach(cleanup);

describe("the run queue", () => {
  it("runs one cell at a time, in order, each after the previous one finished", async () => {
    await click("Run all");
    expect(["queued", "running"]).toContain(statusOf("load"));
    expect(statusOf("last")).toBe("queued");
    await waitFor(() => expect(statusOf("last")).toBe("ok"));
    expect(h.service.callsOf("cell.run")).toEqual([
      { cellId: "load" },
      { cellId: "broken" },
      { cellId: "after" },
      { cellId: "last" },
    ]);
  });

  it("after a failure Run all stops and the rest go back to their previous status", async () => {
    await act(async () => h.wb.queue.enqueue(["after"]));
    await waitFor(() => expect(statusOf("after")).toBe("ok"));
    h.outcome.broken = {
      status: "error",
      summary: "no such column",
      error: {
        code: "SQL_ERROR",
        message: 'Column "nope" not found.',
        hint: "Check the column names.",
        retryable: false,
      },
    };
    await click("Run all");
    await waitFor(() => expect(statusOf("broken")).toBe("error"));
    await h.settle(20);
    expect(statusOf("load")).toBe("ok");
    // `after` was ok before Run all and goes back to ok; it shows stale because `load`, which writes
    // the table it reads, has just run again.
    expect(h.wb.runs.get().cells.after?.status).toBe("ok");
    expect(statusOf("after")).toBe("stale");
    expect(statusOf("last")).toBe("idle");
    expect(h.wb.runs.get().queue).toEqual([]);
    expect(h.service.callsOf("cell.run").map((p) => (p as { cellId: string }).cellId)).toEqual([
      "after",
      "load",
      "broken",
    ]);
    const failed = document.querySelector('[data-cell-id="broken"] .error-output');
    expect(failed?.textContent).toContain('Column "nope" not found.');
    expect(failed?.textContent).toContain("Check the column names.");
  });

  it("Cancel stops the running cell with run.cancel and empties the queue", async () => {
    h.outcome.load = null; // runs until cancelled
    await click("Run all");
    await waitFor(() => expect(h.runIds.load).toBeDefined());
    await waitFor(() => expect(h.wb.runs.get().current?.runId).toBe(h.runIds.load));
    expect(screen.getByRole("region", { name: "Run queue" }).textContent).toContain("Running load");
    await click("Cancel");
    expect(h.service.callsOf("run.cancel")).toEqual([{ runId: h.runIds.load }]);
    await waitFor(() => expect(statusOf("load")).toBe("error"));
    expect(statusOf("broken")).toBe("idle");
    expect(statusOf("last")).toBe("idle");
    expect(h.service.callsOf("cell.run")).toHaveLength(1);
  });

  it("saves pending edits before a run, so the service runs what the user sees", async () => {
    await act(async () => h.wb.doc.dispatch({ type: "editSource", id: "last", source: "SELECT 44" }));
    await act(async () => h.wb.queue.enqueue(["last"]));
    await waitFor(() => expect(statusOf("last")).toBe("ok"));
    const order = h.service.calls
      .map((c) => c.method)
      .filter((m) => m === "notebook.save" || m === "cell.run");
    expect(order.slice(0, 2)).toEqual(["notebook.save", "cell.run"]);
  });
});

describe("stale cells", () => {
  it("editing an upstream cell turns it and its downstream cells stale", async () => {
    await waitFor(() => expect(h.wb.runs.get().dependencies).not.toBeNull());
    await click("Run all");
    await waitFor(() => expect(statusOf("last")).toBe("ok"));
    expect(statusOf("after")).toBe("ok");
    await act(async () =>
      h.wb.doc.dispatch({ type: "editSource", id: "load", source: "CREATE TABLE t.a AS SELECT 2" }),
    );
    expect(statusOf("load")).toBe("stale");
    expect(statusOf("after")).toBe("stale");
    expect(statusOf("broken")).toBe("ok");
    expect(statusOf("last")).toBe("ok");
    // Running the upstream cell again leaves only the downstream one stale.
    await act(async () => h.wb.queue.enqueue(["load"]));
    await waitFor(() => expect(statusOf("load")).toBe("ok"));
    expect(statusOf("after")).toBe("stale");
  });
});
