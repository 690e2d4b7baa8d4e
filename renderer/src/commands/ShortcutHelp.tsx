import { useT } from "../i18n";
import { Dialog } from "../ui/Dialog";
import { type Command, shortcutText } from "./command";
import { notebookCommands } from "./notebook-commands";
import { isMac } from "./useKeyboard";

/** H or ?: the keyboard shortcuts, from the same registered commands the keyboard uses. */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const t = useT();
  const withKeys = notebookCommands.filter((c) => (c.shortcuts?.length ?? 0) > 0);
  const section = (title: string, commands: Command[]) => (
    <section>
      <h3>{title}</h3>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">{t("shortcuts.key")}</th>
            <th scope="col">{t("shortcuts.action")}</th>
          </tr>
        </thead>
        <tbody>
          {commands.map((c) => (
            <tr key={c.id}>
              <td>
                {(c.shortcuts ?? []).map((s) => (
                  <kbd key={s}>{shortcutText(s, isMac())}</kbd>
                ))}
              </td>
              <td>{t(c.label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
  return (
    <Dialog id="shortcuts" title={t("shortcuts.title")} onClose={onClose}>
      <div className="shortcut-sections">
        {section(
          t("mode.command"),
          withKeys.filter((c) => (c.mode ?? "command") !== "edit"),
        )}
        {section(
          t("mode.edit"),
          withKeys.filter((c) => c.mode === "edit" || c.mode === "any"),
        )}
      </div>
    </Dialog>
  );
}
