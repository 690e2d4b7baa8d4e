import type { DesktopPageCommand } from "../../pipeline/contract/desktop-api";
import { type MenuLocale, menuText } from "./menu-messages";

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
  /** The UI's language, which the menus follow (English when the page has not said). */
  locale?: MenuLocale;
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
  const { text, role: roleLabel } = menuText(context.locale ?? "en", context.appName);
  const role = (name: MenuRole): MenuEntry => ({ kind: "role", role: name, label: roleLabel(name) });
  const recentItems: MenuEntry[] = context.recent.length
    ? [
        ...context.recent.map((path) => command(path, { to: "shell", id: "openRecent", path })),
        separator,
        command(text("clearRecent"), { to: "shell", id: "clearRecent" }),
      ]
    : [command(text("noRecent"), { to: "shell", id: "clearRecent" }, undefined, false)];

  const menus: TopMenu[] = [];
  if (mac) {
    menus.push({
      label: context.appName,
      items: [
        role("about"),
        separator,
        role("services"),
        separator,
        role("hide"),
        role("hideOthers"),
        role("unhide"),
        separator,
        role("quit"),
      ],
    });
  }
  menus.push({
    label: text("file"),
    items: [
      command(text("newNotebook"), { to: "shell", id: "newNotebook" }, "CmdOrCtrl+N"),
      command(text("open"), { to: "shell", id: "openNotebook" }, "CmdOrCtrl+O"),
      { kind: "submenu", label: text("openRecent"), items: recentItems },
      separator,
      command(text("save"), page("save"), "CmdOrCtrl+S", open),
      command(text("saveAs"), page("saveAs"), "CmdOrCtrl+Shift+S", open),
      separator,
      command(text("exportDashboard"), { to: "shell", id: "exportDashboard" }, undefined, open),
      command(text("revealLake"), { to: "shell", id: "revealLake" }, undefined, open),
      separator,
      mac ? role("close") : role("quit"),
    ],
  });
  menus.push({
    label: text("edit"),
    items: [
      role("undo"),
      role("redo"),
      separator,
      role("cut"),
      role("copy"),
      role("paste"),
      role("selectAll"),
      separator,
      command(text("palette"), page("palette"), "CmdOrCtrl+Shift+P"),
    ],
  });
  menus.push({
    label: text("run"),
    items: [
      command(text("runCell"), page("runCell"), "CmdOrCtrl+Enter", open),
      command(text("runAll"), page("runAll"), undefined, open),
      command(text("runFromHere"), page("runFromHere"), undefined, open),
      command(text("runStale"), page("runStale"), undefined, open),
      command(text("runDownstream"), page("runDownstream"), undefined, open),
      separator,
      command(text("cancel"), page("cancel"), undefined, open),
    ],
  });
  menus.push({
    label: text("view"),
    items: [
      command(text("toggleTheme"), page("toggleTheme")),
      command(text("switchLanguage"), page("toggleLanguage")),
      separator,
      role("resetZoom"),
      role("zoomIn"),
      role("zoomOut"),
      separator,
      role("togglefullscreen"),
      ...(context.devTools ? [role("toggleDevTools")] : []),
    ],
  });
  if (mac) {
    menus.push({
      label: text("window"),
      role: "windowMenu",
      items: [role("minimize"), separator, role("front")],
    });
  }
  menus.push({
    label: text("help"),
    role: "help",
    items: [
      command(text("coursePath"), page("showCoursePath")),
      command(text("shortcuts"), page("shortcuts")),
      command(text("showLogs"), { to: "shell", id: "showLogs" }),
      ...(mac ? [] : [separator, command(text("about"), { to: "shell", id: "about" })]),
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
