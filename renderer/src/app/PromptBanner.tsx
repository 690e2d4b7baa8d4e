import { CommandButton } from "../commands/CommandButton";
import { formatTime, useLocale, useT } from "../i18n";
import { useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";

/**
 * Questions that need an answer before editing on: unsaved edits found on open, or the file changed
 * on disk. The answers are registered commands (`commands/prompt-answers.ts`).
 */
export function PromptBanner() {
  const t = useT();
  const locale = useLocale();
  const wb = useWorkbench();
  const prompt = useStore(wb.ui, (s) => s.prompt);
  if (!prompt) return null;
  const journaled = prompt.type === "recovered" && prompt.journaledAt ? new Date(prompt.journaledAt) : null;
  return (
    <div className="prompt-banner" role="alert">
      {prompt.type === "recovered" ? (
        <>
          <p>
            {t("recover.message", {
              time: journaled && !Number.isNaN(journaled.getTime()) ? formatTime(locale, journaled) : "—",
            })}
          </p>
          <CommandButton id="restoreEdits" className="primary" />
          <CommandButton id="discardEdits" />
        </>
      ) : (
        <>
          <p>{t("changed.message")}</p>
          <CommandButton id="reloadFromDisk" className="primary" />
          <CommandButton id="keepMine" />
        </>
      )}
    </div>
  );
}
