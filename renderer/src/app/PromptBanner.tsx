import { formatTime, useLocale, useT } from "../i18n";
import { select } from "../notebook/ui-store";
import { useStore } from "../state/store";
import type { Workbench } from "./workbench";
import { useWorkbench } from "./workbench-context";

const dismiss = (wb: Workbench) => wb.ui.set((s) => ({ ...s, prompt: null }));

async function restore(wb: Workbench) {
  if (wb.recovered) wb.doc.dispatch({ type: "replace", notebook: wb.recovered });
  wb.recovered = null;
  dismiss(wb);
  await wb.autosave.flush(true);
}

async function discard(wb: Workbench) {
  wb.recovered = null;
  dismiss(wb);
  await wb.client.call("notebook.discardJournal", {}).catch(() => {});
}

async function reload(wb: Workbench) {
  dismiss(wb);
  const opened = await wb.client.call("notebook.open", {});
  wb.autosave.adopt(opened.notebook);
  const cells = opened.notebook.cells;
  if (!cells.some((c) => c.id === wb.ui.get().selectedId)) select(wb.ui, cells[0]?.id ?? null);
}

async function keepMine(wb: Workbench) {
  dismiss(wb);
  await wb.autosave.overwrite();
}

/** Questions that need an answer before editing on: unsaved edits found on open, or the file changed on disk. */
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
          <button type="button" className="primary" onClick={() => void restore(wb)}>
            {t("recover.restore")}
          </button>
          <button type="button" onClick={() => void discard(wb)}>
            {t("recover.discard")}
          </button>
        </>
      ) : (
        <>
          <p>{t("changed.message")}</p>
          <button type="button" className="primary" onClick={() => void reload(wb)}>
            {t("changed.reload")}
          </button>
          <button type="button" onClick={() => void keepMine(wb)}>
            {t("changed.keep")}
          </button>
        </>
      )}
    </div>
  );
}
