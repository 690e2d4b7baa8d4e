import type { Workbench } from "../app/workbench";
import type { MessageKey } from "../i18n";

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
  when?(wb: Workbench): boolean;
  perform(wb: Workbench): void | Promise<void>;
}

export function commandById(commands: readonly Command[], id: string): Command | undefined {
  return commands.find((c) => c.id === id);
}

export function isEnabled(command: Command, wb: Workbench): boolean {
  return command.when ? command.when(wb) : true;
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
