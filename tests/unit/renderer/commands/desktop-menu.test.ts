// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import type { DesktopPageCommand } from "../../../../pipeline/contract/desktop-api";
import { DESKTOP_MENU_COMMANDS, followDesktopMenu } from "../../../../renderer/src/commands/desktop-menu";
import { notebookCommands } from "../../../../renderer/src/commands/notebook-commands";
import { panelRequests } from "../../../../renderer/src/commands/panel-requests";
import { localeStore, setLocale } from "../../../../renderer/src/i18n";
import { notebookOf } from "../helpers/fake-service";
import { harness } from "../helpers/workbench";

/** A window whose `lakebook` is the desktop API, with a menu the test can click. */
function desktopWindow() {
  const listeners = new Set<(command: DesktopPageCommand) => void>();
  const native: unknown[][] = [];
  const lakebook = {
    desktop: 1,
    invoke: async () => ({ ok: true, result: {} }),
    on: () => () => undefined,
    saveFile: async (request: unknown, bytes: Uint8Array) => {
      native.push(["saveFile", request, new TextDecoder().decode(bytes)]);
      return "/home/ana/course/horror copy.lakebook.md";
    },
    openNotebook: async (path?: string) => void native.push(["openNotebook", path]),
    setLanguage: async (locale: string) => void native.push(["setLanguage", locale]),
    onCommand: (listener: (command: DesktopPageCommand) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const click = (command: string) => {
    for (const listener of listeners) listener(command as DesktopPageCommand);
  };
  return { win: { lakebook } as unknown as Window, click, listeners, native };
}

const startLocale = localeStore.get();
afterEach(() => setLocale(startLocale));

describe("the desktop menu's commands in the page", () => {
  it("gives every menu item a registered workbench command", () => {
    const registered = new Set(notebookCommands.map((command) => command.id));
    for (const id of Object.values(DESKTOP_MENU_COMMANDS)) expect(registered.has(id), id).toBe(true);
  });

  it("File → Save As saves the canonical notebook with the native dialog and goes on with the copy", async () => {
    const { wb, settle } = harness(notebookOf([{ id: "q1", kind: "sql", source: "SELECT 1" }]));
    const { win, click, native } = desktopWindow();
    const stop = followDesktopMenu(wb, win);
    // The command saves with the page's own window; the test's window plays it.
    (window as unknown as { lakebook?: unknown }).lakebook = (
      win as unknown as { lakebook: unknown }
    ).lakebook;
    try {
      click("saveAs");
      await settle(20);
      const [save, open] = native.filter(([name]) => name !== "setLanguage");
      expect(save?.[1]).toEqual({
        kind: "notebook",
        defaultName: expect.stringMatching(/ copy\.lakebook\.md$/),
      });
      expect(save?.[2]).toMatch(/^---\nlakebook: 1\ntitle: Test notebook\n/);
      expect(save?.[2]).toContain("```sql {#q1}\nSELECT 1\n```");
      expect(open).toEqual(["openNotebook", "/home/ana/course/horror copy.lakebook.md"]);
    } finally {
      delete (window as unknown as { lakebook?: unknown }).lakebook;
      stop();
    }
  });

  it("Help → The Course Path asks the course checklist to open", () => {
    const { wb } = harness(notebookOf([]));
    const { win, click } = desktopWindow();
    const stop = followDesktopMenu(wb, win);
    const before = panelRequests.get()?.tick ?? 0;
    click("showCoursePath");
    expect(panelRequests.get()).toEqual({ panel: "course", tick: before + 1 });
    stop();
  });

  it("tells the shell the UI's language at once and whenever it changes, until stopped", () => {
    const { wb } = harness(notebookOf([]));
    const { win, native } = desktopWindow();
    setLocale("en");
    const stop = followDesktopMenu(wb, win);
    setLocale("pt-BR");
    stop();
    setLocale("en");
    expect(native).toEqual([
      ["setLanguage", "en"],
      ["setLanguage", "pt-BR"],
    ]);
  });

  it("runs the registered command the menu sent, and stops listening when asked", () => {
    const { wb } = harness(notebookOf([{ id: "q1", kind: "sql", source: "SELECT 1" }]));
    const { win, click, listeners } = desktopWindow();
    const stop = followDesktopMenu(wb, win);
    click("palette");
    expect(wb.ui.get().dialog).toBe("palette");
    wb.ui.set((s) => ({ ...s, dialog: null }));
    // Ids from another process that are not menu commands do nothing.
    for (const id of ["constructor", "__proto__", "deleteCell"]) click(id);
    expect(wb.ui.get().dialog).toBe(null);
    expect(wb.doc.get().notebook.cells.map((c) => c.id)).toEqual(["q1"]);
    stop();
    expect(listeners.size).toBe(0);
  });

  it("does nothing in a browser, where there is no desktop API", () => {
    const { wb } = harness(notebookOf([]));
    expect(() => followDesktopMenu(wb, {} as Window)()).not.toThrow();
  });
});
