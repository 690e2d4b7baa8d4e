import { type MessageKey, useT } from "../i18n";
import { useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";
import { commandById, isEnabled, shortcutText } from "./command";
import { notebookCommands } from "./notebook-commands";
import { isMac } from "./useKeyboard";

/** A toolbar button for a registered command: same label, shortcut and `when` as keyboard and palette. */
export function CommandButton({
  id,
  className,
  label: short,
}: {
  id: string;
  className?: string;
  label?: MessageKey;
}) {
  const wb = useWorkbench();
  const t = useT();
  const command = commandById(notebookCommands, id);
  const check = () => (command ? isEnabled(command, wb) : false);
  const a = useStore(wb.doc, check);
  const b = useStore(wb.runs, check);
  const c = useStore(wb.ui, check);
  if (!command) return null;
  const label = t(short ?? command.label);
  const shortcut = command.shortcuts?.[0];
  return (
    <button
      type="button"
      className={className}
      aria-label={label}
      title={shortcut ? `${label} (${shortcutText(shortcut, isMac())})` : label}
      {...(shortcut && !shortcut.includes(" ")
        ? { "aria-keyshortcuts": shortcut.replace("Mod", isMac() ? "Meta" : "Control") }
        : {})}
      disabled={!(a && b && c)}
      onClick={() => void command.perform(wb)}
    >
      {label}
    </button>
  );
}
