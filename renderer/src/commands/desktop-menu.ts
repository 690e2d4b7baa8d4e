import { useEffect } from "react";
import type { DesktopPageCommand } from "../../../pipeline/contract/desktop-api";
import { desktopApi } from "../service/desktop";
import type { Workbench } from "../state/workbench";
import { runCommand } from "./notebook-commands";

/**
 * The desktop menu's page commands → the workbench's registered command ids: the same objects the
 * toolbar, keyboard and palette run. Written out so a new menu command fails to compile here until
 * it is given one. Save As and the course path have no command in the workbench yet, so those
 * menu items do nothing in the page (the shell's own commands are handled in the main process).
 */
export const DESKTOP_MENU_COMMANDS: Record<DesktopPageCommand, string | undefined> = {
  save: "save",
  saveAs: undefined,
  runCell: "runCell",
  runAll: "runAll",
  runFromHere: "runFromHere",
  cancel: "cancel",
  toggleTheme: "toggleTheme",
  toggleLanguage: "toggleLanguage",
  palette: "palette",
  shortcuts: "shortcuts",
  showCoursePath: undefined,
};

/** Runs the menu's commands for as long as the returned unsubscribe is not called. */
export function followDesktopMenu(wb: Workbench, win: Window = window): () => void {
  const desktop = desktopApi(win);
  if (!desktop) return () => undefined;
  return desktop.onCommand((id) => {
    // The id comes from another process: only a known one runs, and only when it applies now.
    const command = Object.hasOwn(DESKTOP_MENU_COMMANDS, id) ? DESKTOP_MENU_COMMANDS[id] : undefined;
    if (command) runCommand(wb, command);
  });
}

/** The one place the page subscribes to the desktop menu (a no-op in a browser). */
export function useDesktopMenu(wb: Workbench): void {
  useEffect(() => followDesktopMenu(wb), [wb]);
}
