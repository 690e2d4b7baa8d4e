import type { MessageKey } from "../i18n";
import type { Workbench } from "../state/workbench";

/**
 * A registered command: the toolbar, the keyboard and the palette all run the same object.
 * Shortcuts are written like "Shift+Enter", "A", "D D" (a sequence), "Mod+Shift+P" (Mod = Ctrl, ⌘ on a Mac).
 */
export interface Command {
  id: string;
  label: MessageKey;
  shortcuts?: readonly string[];
  /** Where its shortcuts apply: command mode (the default), edit mode, or both. */
  mode?: "command" | "edit" | "any";
  /** False for commands only a cell's own button runs (Stop): the palette lists the rest. */
  inPalette?: boolean;
  /**
   * `cellId` is the cell whose own button was pressed (a cell header, the queue panel); keyboard,
   * toolbar and palette leave it out and mean the selected cell.
   */
  when?(wb: Workbench, cellId?: string): boolean;
  perform(wb: Workbench, cellId?: string): void | Promise<void>;
}

export function commandById(commands: readonly Command[], id: string): Command | undefined {
  return commands.find((c) => c.id === id);
}

export function isEnabled(command: Command, wb: Workbench, cellId?: string): boolean {
  return command.when ? command.when(wb, cellId) : true;
}

/** "Mod+Shift+P" as the user's keyboard says it: "Ctrl+Shift+P", or "⌘⇧P" on a Mac. */
export function shortcutText(shortcut: string, mac: boolean): string {
  return shortcut
    .split(" ")
    .map((chord) =>
      chord
        .split("+")
        .map((part) => {
          if (part === "Mod") return mac ? "⌘" : "Ctrl";
          if (part === "Shift" && mac) return "⇧";
          if (part === "Alt" && mac) return "⌥";
          if (part === "ArrowUp") return "↑";
          if (part === "ArrowDown") return "↓";
          if (part === "Escape") return "Esc";
          return part;
        })
        .join(mac ? "" : "+"),
    )
    .join(", ");
}
