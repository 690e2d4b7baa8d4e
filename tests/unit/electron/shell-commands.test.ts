import { describe, expect, it } from "vitest";
import type { ShellCommand } from "../../../electron/menu/menu-model";
import { newNotebookText, notebookTitleFor, withNotebookExtension } from "../../../electron/new-notebook";
import type { NotebookSession } from "../../../electron/notebook-session";
import { performShellCommand, type ShellCommandDeps } from "../../../electron/shell-commands";
import { LakebookError } from "../../../pipeline/contract";
import { parseNotebook } from "../../../pipeline/document";

function fakeDeps(overrides: Partial<ShellCommandDeps> = {}) {
  const calls: unknown[][] = [];
  const record =
    (name: string, result?: unknown) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args]);
      return result;
    };
  const session = { workspace: { lakeRoot: "/c/.lake" } } as NotebookSession;
  const deps: ShellCommandDeps = {
    current: () => session,
    open: record("open") as ShellCommandDeps["open"],
    sendToPage: (id) => void calls.push(["page", id]),
    chooseNotebookToOpen: record(
      "chooseOpen",
      "/c/picked.lakebook.md",
    ) as ShellCommandDeps["chooseNotebookToOpen"],
    chooseNewNotebookPath: record("chooseNew", "/c/My lake") as ShellCommandDeps["chooseNewNotebookPath"],
    chooseDashboardPath: record("chooseDashboard", "/c/dash.html") as ShellCommandDeps["chooseDashboardPath"],
    writeFile: record("write") as ShellCommandDeps["writeFile"],
    exportDashboard: record("export", {
      html: "<html>",
      fileName: "h.html",
    }) as ShellCommandDeps["exportDashboard"],
    revealFolder: record("reveal") as ShellCommandDeps["revealFolder"],
    showLogs: record("logs") as ShellCommandDeps["showLogs"],
    showAbout: () => void calls.push(["about"]),
    clearRecent: () => void calls.push(["clearRecent"]),
    showError: record("error") as ShellCommandDeps["showError"],
    ...overrides,
  };
  return { deps, calls };
}

const run = (command: ShellCommand, deps: ShellCommandDeps) => performShellCommand(command, deps);

describe("the shell's menu commands", () => {
  it("sends page commands to the page", async () => {
    const { deps, calls } = fakeDeps();
    await run({ to: "page", id: "runFromHere" }, deps);
    expect(calls).toEqual([["page", "runFromHere"]]);
  });

  it("opens the notebook chosen in the Open dialog, or a recent one", async () => {
    const { deps, calls } = fakeDeps();
    await run({ to: "shell", id: "openNotebook" }, deps);
    await run({ to: "shell", id: "openRecent", path: "/c/old.lakebook.md" }, deps);
    expect(calls).toEqual([
      ["chooseOpen"],
      ["open", "/c/picked.lakebook.md"],
      ["open", "/c/old.lakebook.md"],
    ]);
  });

  it("does nothing when a dialog is cancelled", async () => {
    const { deps, calls } = fakeDeps({ chooseNotebookToOpen: async () => undefined });
    await run({ to: "shell", id: "openNotebook" }, deps);
    expect(calls).toEqual([]);
  });

  it("writes a new notebook with the right extension and opens it", async () => {
    const { deps, calls } = fakeDeps();
    await run({ to: "shell", id: "newNotebook" }, deps);
    expect(calls[1]?.slice(0, 2)).toEqual(["write", "/c/My lake.lakebook.md"]);
    expect(calls[2]).toEqual(["open", "/c/My lake.lakebook.md"]);
  });

  it("exports the dashboard: built first, then saved where the user says", async () => {
    const { deps, calls } = fakeDeps();
    await run({ to: "shell", id: "exportDashboard" }, deps);
    expect(calls.map((call) => call[0])).toEqual(["export", "chooseDashboard", "write"]);
    expect(calls[1]).toEqual(["chooseDashboard", "h.html"]);
    expect(calls[2]).toEqual(["write", "/c/dash.html", "<html>"]);
  });

  it("shows a failed export as an error with its hint, not a crash", async () => {
    const { deps, calls } = fakeDeps({
      exportDashboard: async () => {
        throw new LakebookError("CHART_FAILED", "The chart failed", { hint: "Run the cell" });
      },
    });
    await run({ to: "shell", id: "exportDashboard" }, deps);
    expect(calls).toEqual([
      [
        "error",
        "The dashboard could not be exported",
        { code: "CHART_FAILED", message: "The chart failed", hint: "Run the cell", retryable: false },
      ],
    ]);
  });

  it("reveals the open notebook's lake folder; shows logs, about, clears recent", async () => {
    const { deps, calls } = fakeDeps();
    for (const id of ["revealLake", "showLogs", "about", "clearRecent"] as const)
      await run({ to: "shell", id }, deps);
    expect(calls).toEqual([["reveal", "/c/.lake"], ["logs"], ["about"], ["clearRecent"]]);
  });
});

describe("a new notebook", () => {
  it("is a canonical notebook file on the local target, titled after its file", () => {
    const text = newNotebookText("/c/Horror study.lakebook.md");
    const parsed = parseNotebook(text);
    expect(parsed.notebook.meta).toMatchObject({
      lakebook: 1,
      title: "Horror study",
      target: { kind: "local" },
    });
    expect(parsed.notebook.cells.map((cell) => cell.kind)).toEqual(["markdown"]);
    expect(notebookTitleFor("/c/.lakebook.md")).toBe("Untitled");
  });

  it("always ends in .lakebook.md", () => {
    expect(withNotebookExtension("/c/x")).toBe("/c/x.lakebook.md");
    expect(withNotebookExtension("/c/x.md")).toBe("/c/x.lakebook.md");
    expect(withNotebookExtension("/c/x.lakebook.md")).toBe("/c/x.lakebook.md");
  });
});
