import { useEffect } from "react";
import type { DesktopPageCommand } from "../../../pipeline/contract/desktop-api";
import { type Locale, localeStore } from "../i18n";
import { desktopApi } from "../service/desktop";
import type { Workbench } from "../state/workbench";
import { runCommand } from "./notebook-commands";

/**
 * The desktop menu's page commands → the workbench's registered command ids: the same objects the
 * toolbar, keyboard and palette run. Written out so a new menu command fails to compile here until
 * it is given one (the shell's own commands are handled in the main process).
 */
export const DESKTOP_MENU_COMMANDS: Record<DesktopPageCommand, string> = {
  save: "save",
  saveAs: "saveAs",
  runCell: "runCell",
  runAll: "runAll",
  runFromHere: "runFromHere",
  runStale: "runStale",
  runDownstream: "runDownstream",
  cancel: "cancel",
  toggleTheme: "toggleTheme",
  toggleLanguage: "toggleLanguage",
  palette: "palette",
  shortcuts: "shortcuts",
  showCoursePath: "showCoursePath",
};

/**
 * Runs the menu's commands, and keeps the menus in the UI's language, for as long as the returned
 * unsubscribe is not called.
 */
export function followDesktopMenu(wb: Workbench, win: Window = window): () => void {
  const desktop = desktopApi(win);
  if (!desktop) return () => undefined;
  const stopCommands = desktop.onCommand((id) => {
    // The id comes from another process: only a known one runs, and only when it applies now.
    const command = Object.hasOwn(DESKTOP_MENU_COMMANDS, id) ? DESKTOP_MENU_COMMANDS[id] : undefined;
    if (command) runCommand(wb, command);
  });
  // An older shell without setLanguage keeps its English menus.
  const tell = (locale: Locale) => void desktop.setLanguage?.(locale)?.catch(() => undefined);
  tell(localeStore.get());
  const stopLanguage = localeStore.subscribe(() => tell(localeStore.get()));
  return () => {
    stopCommands();
    stopLanguage();
  };
}

/** The one place the page subscribes to the desktop menu (a no-op in a browser). */
export function useDesktopMenu(wb: Workbench): void {
  useEffect(() => followDesktopMenu(wb), [wb]);
}
