import { CellCommandButton } from "../commands/CellCommandButton";
import { useT } from "../i18n";
import { sameItems, useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";

/** The run queue, visible: what runs now and what waits, each waiting cell removable. */
export function QueuePanel() {
  const t = useT();
  const wb = useWorkbench();
  const current = useStore(wb.runs, (s) => s.current?.cellId ?? null);
  const queue = useStore(wb.runs, (s) => s.queue, sameItems);
  // After Run all stopped on an error, "Nothing is running" alone would read like success.
  const stoppedAt = useStore(wb.runs, (s) =>
    s.batch?.state === "failed" ? s.batch.failed?.cellId : undefined,
  );
  return (
    <section className="queue" aria-labelledby="queue-title">
      <h2 id="queue-title">{t("queue.title")}</h2>
      {current === null && queue.length === 0 ? (
        <p className="placeholder">
          {stoppedAt ? `${t("queue.stoppedAt", { id: stoppedAt })} ` : ""}
          {t("queue.empty")}
        </p>
      ) : (
        <ol>
          {current !== null && <li className="queue-running">{t("queue.running", { id: current })}</li>}
          {queue.map((id) => (
            <li key={id}>
              <span>{id}</span>
              <CellCommandButton command="stopCell" cellId={id} label={t("queue.remove", { id })}>
                ✕
              </CellCommandButton>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
