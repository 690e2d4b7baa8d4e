import { type KeyboardEvent, useState } from "react";
import { useT } from "../i18n";
import { useWorkbench } from "../state/workbench-context";
import { Dialog } from "../ui/Dialog";
import { isEnabled, shortcutText } from "./command";
import { notebookCommands } from "./notebook-commands";
import { isMac } from "./useKeyboard";

/** Ctrl/⌘+Shift+P: every registered command, filtered as you type; Enter runs the highlighted one. */
export function CommandPalette({ onClose }: { onClose(): void }) {
  const t = useT();
  const wb = useWorkbench();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = notebookCommands.filter(
    (c) =>
      c.inPalette !== false &&
      isEnabled(c, wb) &&
      words.every((w) => `${t(c.label)} ${c.id}`.toLowerCase().includes(w)),
  );
  const current = Math.min(active, Math.max(0, matches.length - 1));
  const run = (index: number) => {
    const command = matches[index];
    if (!command) return;
    onClose();
    void command.perform(wb);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const by = event.key === "ArrowDown" ? 1 : -1;
      setActive((current + by + matches.length) % Math.max(1, matches.length));
    } else if (event.key === "Enter") {
      event.preventDefault();
      run(current);
    }
  };
  return (
    <Dialog id="palette" title={t("palette.title")} onClose={onClose}>
      <input
        type="text"
        role="combobox"
        aria-label={t("palette.search")}
        placeholder={t("palette.search")}
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={matches[current] ? `palette-${matches[current].id}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {matches.length === 0 && <p className="placeholder">{t("palette.none")}</p>}
      <div id="palette-list" role="listbox" aria-label={t("palette.title")} className="palette-list">
        {matches.map((command, n) => (
          // The combobox pattern: focus stays in the search box, which moves the active option
          // (aria-activedescendant) and runs it on Enter; a click is the mouse's way to the same.
          // biome-ignore lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant, never focused
          // biome-ignore lint/a11y/useKeyWithClickEvents: the search box's Enter runs the active option
          <div
            key={command.id}
            id={`palette-${command.id}`}
            role="option"
            aria-selected={n === current}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(n)}
          >
            <span>{t(command.label)}</span>
            {command.shortcuts?.[0] && <kbd>{shortcutText(command.shortcuts[0], isMac())}</kbd>}
          </div>
        ))}
      </div>
    </Dialog>
  );
}
