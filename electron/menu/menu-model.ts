import type { DesktopPageCommand } from "../../pipeline/contract/desktop-api";

/** What the shell itself does when a menu item is chosen; page commands go to the page instead. */
export type ShellCommand =
  | { to: "shell"; id: "newNotebook" | "openNotebook" | "exportDashboard" | "revealLake" | "showLogs" }
  | { to: "shell"; id: "about" | "clearRecent" }
  | { to: "shell"; id: "openRecent"; path: string }
  | { to: "page"; id: DesktopPageCommand };

/** Electron's built-in roles the menus use: text editing, zoom and the window's own. */
export type MenuRole =
  | "undo"
  | "redo"
  | "cut"
  | "copy"
  | "paste"
  | "selectAll"
  | "zoomIn"
  | "zoomOut"
  | "resetZoom"
  | "togglefullscreen"
  | "toggleDevTools"
  | "minimize"
  | "close"
  | "quit"
  | "about"
  | "hide"
  | "hideOthers"
  | "unhide"
  | "services"
  | "front";

export type MenuEntry =
  | { kind: "command"; label: string; command: ShellCommand; accelerator?: string; enabled?: boolean }
  | { kind: "role"; role: MenuRole; label?: string }
  | { kind: "separator" }
  | { kind: "submenu"; label: string; items: MenuEntry[] };

export interface TopMenu {
  label: string;
  /** Only the roles macOS gives extra behaviour to (the window list, the Help search field). */
  role?: "windowMenu" | "help";
  items: MenuEntry[];
}

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  /** Most recent first. */
  recent: readonly string[];
  /** Whether a notebook is open (Save, Run and Export need one). */
  hasNotebook: boolean;
  /** Developer tools only in a development build. */
  devTools: boolean;
}

const page = (id: DesktopPageCommand): ShellCommand => ({ to: "page", id });
const command = (label: string, cmd: ShellCommand, accelerator?: string, enabled = true): MenuEntry => ({
  kind: "command",
  label,
  command: cmd,
  ...(accelerator ? { accelerator } : {}),
  enabled,
});
const separator: MenuEntry = { kind: "separator" };

/**
 * The application menu as data. The accelerators are the workbench's own keys
 * (`renderer/src/commands/notebook-commands.ts`), shown so they can be learnt from the menu.
 */
export function buildMenuModel(context: MenuContext): TopMenu[] {
  const mac = context.platform === "darwin";
  const open = context.hasNotebook;
  const recentItems: MenuEntry[] = context.recent.length
    ? [
        ...context.recent.map((path) => command(path, { to: "shell", id: "openRecent", path })),
        separator,
        command("Clear Recent", { to: "shell", id: "clearRecent" }),
      ]
    : [command("No recent notebooks", { to: "shell", id: "clearRecent" }, undefined, false)];

  const menus: TopMenu[] = [];
  if (mac) {
    menus.push({
      label: context.appName,
      items: [
        { kind: "role", role: "about" },
        separator,
        { kind: "role", role: "services" },
        separator,
        { kind: "role", role: "hide" },
        { kind: "role", role: "hideOthers" },
        { kind: "role", role: "unhide" },
        separator,
        { kind: "role", role: "quit" },
      ],
    });
  }
  menus.push({
    label: "File",
    items: [
      command("New Notebook…", { to: "shell", id: "newNotebook" }, "CmdOrCtrl+N"),
      command("Open…", { to: "shell", id: "openNotebook" }, "CmdOrCtrl+O"),
      { kind: "submenu", label: "Open Recent", items: recentItems },
      separator,
      command("Save", page("save"), "CmdOrCtrl+S", open),
      command("Save As…", page("saveAs"), "CmdOrCtrl+Shift+S", open),
      separator,
      command("Export Dashboard…", { to: "shell", id: "exportDashboard" }, undefined, open),
      command("Reveal Lake Folder", { to: "shell", id: "revealLake" }, undefined, open),
      separator,
      mac ? { kind: "role", role: "close" } : { kind: "role", role: "quit" },
    ],
  });
  menus.push({
    label: "Edit",
    items: [
      { kind: "role", role: "undo" },
      { kind: "role", role: "redo" },
      separator,
      { kind: "role", role: "cut" },
      { kind: "role", role: "copy" },
      { kind: "role", role: "paste" },
      { kind: "role", role: "selectAll" },
      separator,
      command("Command Palette…", page("palette"), "CmdOrCtrl+Shift+P"),
    ],
  });
  menus.push({
    label: "Run",
    items: [
      command("Run Cell", page("runCell"), "CmdOrCtrl+Enter", open),
      command("Run All", page("runAll"), undefined, open),
      command("Run From Here", page("runFromHere"), undefined, open),
      separator,
      command("Cancel", page("cancel"), undefined, open),
    ],
  });
  menus.push({
    label: "View",
    items: [
      command("Toggle Light/Dark Theme", page("toggleTheme")),
      command("Switch Language", page("toggleLanguage")),
      separator,
      { kind: "role", role: "resetZoom" },
      { kind: "role", role: "zoomIn" },
      { kind: "role", role: "zoomOut" },
      separator,
      { kind: "role", role: "togglefullscreen" },
      ...(context.devTools ? [{ kind: "role", role: "toggleDevTools" } as const] : []),
    ],
  });
  if (mac) {
    menus.push({
      label: "Window",
      role: "windowMenu",
      items: [{ kind: "role", role: "minimize" }, separator, { kind: "role", role: "front" }],
    });
  }
  menus.push({
    label: "Help",
    role: "help",
    items: [
      command("The Course Path", page("showCoursePath")),
      command("Keyboard Shortcuts", page("shortcuts")),
      command("Show Logs", { to: "shell", id: "showLogs" }),
      ...(mac ? [] : [separator, command(`About ${context.appName}`, { to: "shell", id: "about" })]),
    ],
  });
  return menus;
}

/** Every command the model can send, in menu order: what the tests and the page's handler walk. */
export function commandsIn(menus: readonly TopMenu[]): ShellCommand[] {
  const walk = (entries: readonly MenuEntry[]): ShellCommand[] =>
    entries.flatMap((entry) =>
      entry.kind === "command" ? [entry.command] : entry.kind === "submenu" ? walk(entry.items) : [],
    );
  return menus.flatMap((menu) => walk(menu.items));
}
