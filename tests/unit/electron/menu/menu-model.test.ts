import { describe, expect, it } from "vitest";
import { buildMenuModel, commandsIn, type MenuContext } from "../../../../electron/menu/menu-model";
import { toMenuTemplate } from "../../../../electron/menu/menu-template";
import type { DesktopPageCommand } from "../../../../pipeline/contract/desktop-api";

const context: MenuContext = {
  platform: "linux",
  appName: "Lakebook",
  recent: ["/home/ana/course/horror.lakebook.md", "/home/ana/other.lakebook.md"],
  hasNotebook: true,
  devTools: false,
};

/** Every page command, so adding one to the contract without a menu item fails here. */
const PAGE_COMMANDS: Record<DesktopPageCommand, true> = {
  save: true,
  saveAs: true,
  runCell: true,
  runAll: true,
  runFromHere: true,
  runStale: true,
  runDownstream: true,
  cancel: true,
  toggleTheme: true,
  toggleLanguage: true,
  palette: true,
  shortcuts: true,
  showCoursePath: true,
};

describe("the application menu", () => {
  it("has File, Edit, Run, View and Help, with the items the desktop app promises", () => {
    const menus = buildMenuModel(context);
    expect(menus.map((menu) => menu.label)).toEqual(["File", "Edit", "Run", "View", "Help"]);
    const labels = (name: string) =>
      (menus.find((menu) => menu.label === name)?.items ?? []).flatMap((item) =>
        item.kind === "command" || item.kind === "submenu"
          ? [item.label]
          : item.kind === "role"
            ? [item.role]
            : [],
      );
    expect(labels("File")).toEqual([
      "New Notebook…",
      "Open…",
      "Open Recent",
      "Save",
      "Save As…",
      "Export Dashboard…",
      "Reveal Lake Folder",
      "quit",
    ]);
    expect(labels("Run")).toEqual([
      "Run Cell",
      "Run All",
      "Run From Here",
      "Run Stale Cells",
      "Run Cell and Downstream",
      "Cancel",
    ]);
    expect(labels("View")).toEqual(expect.arrayContaining(["zoomIn", "zoomOut", "resetZoom"]));
    expect(labels("Help")).toEqual(["The Course Path", "Keyboard Shortcuts", "Show Logs", "About Lakebook"]);
  });

  it("sends every page command the contract knows, and only those", () => {
    const sent = commandsIn(buildMenuModel(context)).flatMap((command) =>
      command.to === "page" ? [command.id] : [],
    );
    expect(new Set(sent)).toEqual(new Set(Object.keys(PAGE_COMMANDS)));
  });

  it("lists recent notebooks most recent first, each opening its own file", () => {
    const commands = commandsIn(buildMenuModel(context));
    expect(commands.filter((command) => command.id === "openRecent")).toEqual([
      { to: "shell", id: "openRecent", path: "/home/ana/course/horror.lakebook.md" },
      { to: "shell", id: "openRecent", path: "/home/ana/other.lakebook.md" },
    ]);
  });

  it("greys out what needs a notebook when none is open", () => {
    const file = buildMenuModel({ ...context, hasNotebook: false, recent: [] })[0];
    const enabled = Object.fromEntries(
      (file?.items ?? []).flatMap((item) => (item.kind === "command" ? [[item.label, item.enabled]] : [])),
    );
    expect(enabled).toMatchObject({
      "New Notebook…": true,
      "Open…": true,
      Save: false,
      "Export Dashboard…": false,
    });
  });

  it("follows macOS: the app menu first, a Window menu, About in the app menu", () => {
    const menus = buildMenuModel({ ...context, platform: "darwin" });
    expect(menus.map((menu) => menu.label)).toEqual([
      "Lakebook",
      "File",
      "Edit",
      "Run",
      "View",
      "Window",
      "Help",
    ]);
    expect(commandsIn(menus).some((command) => command.id === "about")).toBe(false);
  });

  it("becomes Electron's template: clicks perform the command, shortcuts shown but left to the page", () => {
    const performed: unknown[] = [];
    const template = toMenuTemplate(buildMenuModel(context), (command) => performed.push(command));
    const run = template.find((menu) => menu.label === "Run");
    const runCell = (
      (run?.submenu ?? []) as {
        label?: string;
        click?: () => void;
        accelerator?: string;
        registerAccelerator?: boolean;
      }[]
    )[0];
    expect(runCell).toMatchObject({
      label: "Run Cell",
      accelerator: "CmdOrCtrl+Enter",
      registerAccelerator: false,
    });
    runCell?.click?.();
    expect(performed).toEqual([{ to: "page", id: "runCell" }]);
    expect(JSON.stringify(template)).not.toContain("toggleDevTools");
  });
});
