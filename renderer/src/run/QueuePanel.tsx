import { useWorkbench } from "../app/workbench-context";
import { useT } from "../i18n";
import { sameItems, useStore } from "../state/store";

/** The run queue, visible: what runs now and what waits, each waiting cell removable. */
export function QueuePanel() {
  const t = useT();
  const wb = useWorkbench();
  const current = useStore(wb.runs, (s) => s.current?.cellId ?? null);
  const queue = useStore(wb.runs, (s) => s.queue, sameItems);
  return (
    <section className="queue" aria-labelledby="queue-title">
      <h2 id="queue-title">{t("queue.title")}</h2>
      {current === null && queue.length === 0 ? (
        <p className="placeholder">{t("queue.empty")}</p>
      ) : (
        <ol>
          {current !== null && <li className="queue-running">{t("queue.running", { id: current })}</li>}
          {queue.map((id) => (
            <li key={id}>
              <span>{id}</span>
              <button
                type="button"
                aria-label={t("queue.remove", { id })}
                title={t("queue.remove", { id })}
                onClick={() => wb.queue.remove(id)}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
