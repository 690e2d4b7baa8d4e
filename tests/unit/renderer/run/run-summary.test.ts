// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RestoredRun } from "../../../../pipeline/contract";
import { setLocale } from "../../../../renderer/src/i18n";
import { notebookOf } from "../helpers/fake-service";
import { harness, renderWorkbench, statusOf } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));

const notebook = notebookOf([
  { id: "load", kind: "sql", source: "CREATE TABLE t.a AS SELECT 1" },
  { id: "broken", kind: "sql", source: "SELECT nope" },
  { id: "after", kind: "sql", source: "SELECT * FROM t.a" },
]);

beforeEach(() => setLocale("en"));
afterEach(cleanup);

const click = async (name: string) => {
  await act(async () => {
    screen.getByRole("button", { name }).click();
  });
};

describe("following Run all", () => {
  it("counts the cells it ran and, when one fails, keeps a banner with the way to it", async () => {
    const h = harness(notebook);
    h.outcome.broken = {
      status: "error",
      summary: "no such column",
      error: { code: "SQL_ERROR", message: 'Column "nope" not found.', retryable: false },
    };
    renderWorkbench(h.wb);
    await click("Run all");
    await waitFor(() => expect(h.wb.runs.get().batch?.state).toBe("failed"));
    expect(h.wb.runs.get().batch).toEqual({
      total: 3,
      done: 2,
      state: "failed",
      failed: { cellId: "broken", message: 'Column "nope" not found.' },
    });
    const banner = screen.getByRole("alert");
    expect(banner.textContent).toContain("Run stopped at broken (2 of 3)");
    // The queue panel no longer reads like success.
    expect(document.querySelector(".queue .placeholder")?.textContent).toContain("Stopped at broken.");
    await click("Go to cell broken");
    expect(h.wb.ui.get().selectedId).toBe("broken");
    await click("Dismiss the run's summary");
    expect(h.wb.runs.get().batch).toBeNull();
  });

  it("says the run finished when every cell ran", async () => {
    const h = harness(notebook);
    renderWorkbench(h.wb);
    await click("Run all");
    await waitFor(() => expect(h.wb.runs.get().batch?.state).toBe("done"));
    expect(h.wb.runs.get().batch).toMatchObject({ total: 3, done: 3 });
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("outputs restored after a reload", () => {
  const recorded = (id: string, source: string, finishedAt: string): RestoredRun => ({
    result: {
      id,
      kind: "sql",
      status: "ok",
      ms: 3,
      summary: "1 row",
      output: { type: "text", text: `out ${id}` },
    },
    source,
    finishedAt,
  });

  it("shows the last outputs, stale where the source changed since they ran", async () => {
    const h = harness(notebook, {
      handlers: {
        "notebook.lastRuns": () => ({
          runs: [
            recorded("load", "CREATE TABLE t.a AS SELECT 0", "2026-01-01T10:00:00Z"),
            recorded("after", "SELECT * FROM t.a", "2026-01-01T10:00:01Z"),
            recorded("gone", "SELECT 1", "2026-01-01T10:00:02Z"),
          ],
        }),
      },
      deps: { load: { writes: ["t.a"] }, after: { reads: ["t.a"] } },
    });
    renderWorkbench(h.wb);
    // `load` ran other text than the cell holds now: stale, and `after`, which reads its table, too.
    await waitFor(() => expect(statusOf("load")).toBe("stale"));
    await waitFor(() => expect(statusOf("after")).toBe("stale"));
    expect(statusOf("broken")).toBe("idle");
    expect(h.wb.runs.get().cells.gone).toBeUndefined();
    const after = document.querySelector('[data-cell-id="after"]');
    expect(after?.textContent).toContain("out after");
    expect(after?.querySelector("[data-restored]")?.textContent).toContain("Output from the last session");
  });

  it("keeps an output fresh when its source is what ran", async () => {
    const h = harness(notebook, {
      handlers: {
        "notebook.lastRuns": () => ({
          runs: [recorded("after", "SELECT * FROM t.a", "2026-01-01T10:00:01Z")],
        }),
      },
    });
    renderWorkbench(h.wb);
    await waitFor(() => expect(statusOf("after")).toBe("ok"));
  });
});
