// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setLocale } from "../../../../renderer/src/i18n";
import { notebookOf } from "../helpers/fake-service";
import { harness, renderWorkbench } from "../helpers/workbench";

vi.mock("../../../../renderer/src/cells/editor/CellEditor", async () => ({
  CellEditor: (await import("../helpers/mock-editor")).TextareaEditor,
}));

afterEach(cleanup);

describe("the dependency view", () => {
  it("draws cells and tables as a labelled graph and lists every edge as a sentence", async () => {
    setLocale("en");
    const h = harness(
      notebookOf([
        { id: "load", kind: "sql" },
        { id: "use", kind: "sql" },
      ]),
      { deps: { load: { writes: ["t.a"] }, use: { reads: ["t.a"] } } },
    );
    renderWorkbench(h.wb);
    await act(async () => screen.getByRole("tab", { name: "Dependencies" }).click());
    const graph = await screen.findByRole("img", { name: "Cells and the tables they read and write" });
    await waitFor(() => expect(graph.querySelectorAll(".deps-node")).toHaveLength(3));
    expect([...graph.querySelectorAll(".deps-node title")].map((t) => t.textContent)).toEqual([
      "cell load, Not run",
      "table t.a",
      "cell use, Not run",
    ]);
    const list = screen.getByRole("list", { name: "Cells and the tables they read and write" });
    expect([...list.querySelectorAll("li")].map((li) => li.textContent)).toEqual([
      "load writes t.a",
      "use reads t.a",
    ]);
    await act(async () => screen.getByRole("button", { name: "use reads t.a" }).click());
    expect(h.wb.ui.get().selectedId).toBe("use");
  });
});
