import { describe, expect, it } from "vitest";
import type { NotebookSession, SessionStart } from "../../../electron/notebook-session";
import { APP_START_URL } from "../../../electron/policy/web-policy";
import { SHELL_PAGE_URL, Shell, type ShellWindow } from "../../../electron/shell";

function fakeSession(notebookPath: string, events: string[]): NotebookSession {
  return {
    notebookPath,
    workspace: { lakeRoot: "/lake" } as NotebookSession["workspace"],
    router: {} as NotebookSession["router"],
    close: async () => void events.push(`close ${notebookPath}`),
  };
}

function harness(starts: Record<string, SessionStart["ok"]>) {
  const events: string[] = [];
  const window: ShellWindow & { loaded: string[]; title: string } = {
    loaded: [],
    title: "",
    load: async (url) => void window.loaded.push(url),
    setTitle: (title) => {
      window.title = title;
    },
    sendCommand: (command) => void events.push(`command ${command}`),
  };
  const shell = new Shell({
    openSession: async (notebookPath) =>
      starts[notebookPath]
        ? { ok: true, session: fakeSession(notebookPath, events) }
        : {
            ok: false,
            error: {
              code: "NOTEBOOK_UNREADABLE",
              message: "Cannot read it",
              hint: "Check the file",
              retryable: false,
            },
          },
    serve: (session) => {
      events.push(`serve ${session.notebookPath}`);
      return () => events.push(`stop serving ${session.notebookPath}`);
    },
    window,
    log: (line) => events.push(`log ${line}`),
    logFile: "/logs/lakebook.log",
    opened: (notebookPath) => events.push(`recent ${notebookPath}`),
  });
  return { shell, window, events };
}

describe("the shell around the service", () => {
  it("shows the start page when there is no notebook to open", async () => {
    const { shell, window } = harness({});
    await shell.open(undefined);
    expect(window.loaded).toEqual([SHELL_PAGE_URL]);
    expect(shell.pageState).toEqual({ kind: "start" });
    expect(shell.current).toBeUndefined();
  });

  it("starts the service for a notebook, serves it to the window and loads the workbench", async () => {
    const { shell, window, events } = harness({ "/c/h.lakebook.md": true });
    await shell.open("/c/h.lakebook.md");
    expect(window.loaded).toEqual([APP_START_URL]);
    expect(window.title).toBe("h.lakebook.md — Lakebook");
    expect(events).toEqual([
      "log opening /c/h.lakebook.md",
      "serve /c/h.lakebook.md",
      "recent /c/h.lakebook.md",
    ]);
  });

  it("shows the failure page, with the error, its hint and the log, when the service does not start", async () => {
    const { shell, window, events } = harness({});
    await shell.open("/c/broken.lakebook.md");
    expect(window.loaded).toEqual([SHELL_PAGE_URL]);
    expect(shell.pageState).toEqual({
      kind: "failure",
      notebookPath: "/c/broken.lakebook.md",
      error: {
        code: "NOTEBOOK_UNREADABLE",
        message: "Cannot read it",
        hint: "Check the file",
        retryable: false,
      },
      logFile: "/logs/lakebook.log",
    });
    expect(events.some((event) => event.includes("NOTEBOOK_UNREADABLE"))).toBe(true);
    expect(events).not.toContain("recent /c/broken.lakebook.md");
  });

  it("stops the running service before opening another notebook, one open at a time", async () => {
    const { shell, events } = harness({ "/a.lakebook.md": true, "/b.lakebook.md": true });
    await Promise.all([shell.open("/a.lakebook.md"), shell.open("/b.lakebook.md")]);
    expect(events.filter((event) => !event.startsWith("log") && !event.startsWith("recent"))).toEqual([
      "serve /a.lakebook.md",
      "stop serving /a.lakebook.md",
      "close /a.lakebook.md",
      "serve /b.lakebook.md",
    ]);
    expect(shell.current?.notebookPath).toBe("/b.lakebook.md");
  });

  it("sends menu commands to the page only while a notebook is open", async () => {
    const { shell, events } = harness({ "/a.lakebook.md": true });
    shell.sendCommand("runAll");
    await shell.open("/a.lakebook.md");
    shell.sendCommand("runAll");
    expect(events.filter((event) => event.startsWith("command"))).toEqual(["command runAll"]);
    await shell.close();
    expect(events.at(-1)).toBe("close /a.lakebook.md");
  });
});
