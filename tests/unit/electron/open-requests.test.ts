import path from "node:path";
import { describe, expect, it } from "vitest";
import { isNotebookPath, notebookInArgv, OpenRequests } from "../../../electron/open-requests";
import { claimSingleInstance, type SingleInstanceApp } from "../../../electron/single-instance";

describe("notebooks handed over by the OS", () => {
  it("finds the notebook on a command line, resolved from where it was launched", () => {
    expect(notebookInArgv(["/opt/Lakebook/lakebook", "horror.lakebook.md"], "/home/ana")).toBe(
      path.resolve("/home/ana/horror.lakebook.md"),
    );
    expect(notebookInArgv(["electron", ".", "--inspect", "/x/A.LAKEBOOK.MD"], "/")).toBe(
      path.resolve("/x/A.LAKEBOOK.MD"),
    );
    expect(notebookInArgv(["lakebook", "--flag=x.lakebook.md", "notes.md"], "/")).toBeUndefined();
    expect(notebookInArgv(["x.lakebook.md"], "/")).toBeUndefined();
  });

  it("knows a notebook by its double extension", () => {
    expect(isNotebookPath("/a/b.lakebook.md")).toBe(true);
    expect(isNotebookPath("/a/b.md")).toBe(false);
    expect(isNotebookPath("/a/lakebook.md.bak")).toBe(false);
  });

  it("keeps a file opened before the app is ready (macOS open-file), the latest one", () => {
    const requests = new OpenRequests();
    requests.request("/first.lakebook.md");
    requests.request("/second.lakebook.md");
    expect(requests.takePending()).toBe("/second.lakebook.md");
    expect(requests.takePending()).toBeUndefined();
  });

  it("hands a waiting request over when ready, then every later one at once", () => {
    const requests = new OpenRequests();
    const opened: string[] = [];
    requests.request("/early.lakebook.md");
    requests.ready((file) => opened.push(file));
    requests.request("/late.lakebook.md");
    expect(opened).toEqual(["/early.lakebook.md", "/late.lakebook.md"]);
  });
});

function fakeApp(gotLock: boolean) {
  const listeners: ((event: unknown, argv: string[], cwd: string) => void)[] = [];
  const app: SingleInstanceApp & { quits: number; secondLaunch(argv: string[], cwd: string): void } = {
    quits: 0,
    requestSingleInstanceLock: () => gotLock,
    on: (_event, listener) => listeners.push(listener),
    quit: () => {
      app.quits++;
    },
    secondLaunch: (argv, cwd) => {
      for (const listener of listeners) listener({}, argv, cwd);
    },
  };
  return app;
}

describe("one Lakebook at a time", () => {
  it("a second launch quits at once", () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app, () => undefined)).toBe(false);
    expect(app.quits).toBe(1);
  });

  it("the first gets the second's notebook (or none) and goes on", () => {
    const app = fakeApp(true);
    const handed: (string | undefined)[] = [];
    expect(claimSingleInstance(app, (notebook) => handed.push(notebook))).toBe(true);
    app.secondLaunch(["/opt/Lakebook/lakebook", "course/h.lakebook.md"], "/home/ana");
    app.secondLaunch(["/opt/Lakebook/lakebook"], "/home/ana");
    expect(handed).toEqual([path.resolve("/home/ana/course/h.lakebook.md"), undefined]);
    expect(app.quits).toBe(0);
  });
});
