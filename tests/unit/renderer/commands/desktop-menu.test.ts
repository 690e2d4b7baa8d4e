// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import type { DesktopPageCommand } from "../../../../pipeline/contract/desktop-api";
import { DESKTOP_MENU_COMMANDS, followDesktopMenu } from "../../../../renderer/src/commands/desktop-menu";
import { notebookCommands } from "../../../../renderer/src/commands/notebook-commands";
import { notebookOf } from "../helpers/fake-service";
import { harness } from "../helpers/workbench";

/** A window whose `lakebook` is the desktop API, with a menu the test can click. */
function desktopWindow() {
  const listeners = new Set<(command: DesktopPageCommand) => void>();
  const lakebook = {
    desktop: 1,
    invoke: async () => ({ ok: true, result: {} }),
    on: () => () => undefined,
    onCommand: (listener: (command: DesktopPageCommand) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const click = (command: string) => {
    for (const listener of listeners) listener(command as DesktopPageCommand);
  };
  return { win: { lakebook } as unknown as Window, click, listeners };
}

describe("the desktop menu's commands in the page", () => {
  it("names only registered workbench commands", () => {
    const registered = new Set(notebookCommands.map((command) => command.id));
    for (const id of Object.values(DESKTOP_MENU_COMMANDS)) {
      if (id !== undefined) expect(registered.has(id), id).toBe(true);
    }
  });

  it("runs the registered command the menu sent, and stops listening when asked", () => {
    const { wb } = harness(notebookOf([{ id: "q1", kind: "sql", source: "SELECT 1" }]));
    const { win, click, listeners } = desktopWindow();
    const stop = followDesktopMenu(wb, win);
    click("palette");
    expect(wb.ui.get().dialog).toBe("palette");
    wb.ui.set((s) => ({ ...s, dialog: null }));
    // Ids from another process that are not menu commands, or have no workbench command, do nothing.
    for (const id of ["saveAs", "constructor", "__proto__", "deleteCell"]) click(id);
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
