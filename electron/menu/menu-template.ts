import type { MenuItemConstructorOptions } from "electron";
import type { MenuEntry, ShellCommand, TopMenu } from "./menu-model";

/**
 * The menu model as Electron's template. Accelerators are shown but not registered on Windows and
 * Linux: the page's own keymap handles those keys (in an editor, Ctrl+Enter belongs to Monaco
 * first), so a key press is never performed twice. macOS always routes key equivalents through the
 * menu, which sends the same command to the page.
 */
export function toMenuTemplate(
  menus: readonly TopMenu[],
  perform: (command: ShellCommand) => void,
): MenuItemConstructorOptions[] {
  const item = (entry: MenuEntry): MenuItemConstructorOptions => {
    switch (entry.kind) {
      case "separator":
        return { type: "separator" };
      case "role":
        return entry.label ? { role: entry.role, label: entry.label } : { role: entry.role };
      case "submenu":
        return { label: entry.label, submenu: entry.items.map(item) };
      case "command":
        return {
          label: entry.label,
          enabled: entry.enabled ?? true,
          ...(entry.accelerator ? { accelerator: entry.accelerator, registerAccelerator: false } : {}),
          click: () => perform(entry.command),
        };
      default: {
        const unknown: never = entry;
        throw new Error(`Unknown menu entry ${JSON.stringify(unknown)}`);
      }
    }
  };
  return menus.map((menu) => ({
    label: menu.label,
    ...(menu.role ? { role: menu.role } : {}),
    submenu: menu.items.map(item),
  }));
}
