import { formatDuration, formatTime, useLocale, useT } from "../i18n";
import { hasRenderer } from "../outputs/registry";
import type { CellRun } from "../state/run-store";

/** Duration, last-run time, place in the queue and the run's one-line summary. */
export function CellFooter({
  run,
  kind,
  queuePosition,
}: {
  run: CellRun | undefined;
  kind: string;
  queuePosition: number;
}) {
  const t = useT();
  const locale = useLocale();
  const parts: string[] = [];
  if (queuePosition >= 0) parts.push(t("cell.queuePosition", { position: queuePosition + 1 }));
  if (run?.finishedAt !== undefined) {
    if (run.ms !== undefined) parts.push(t("cell.took", { duration: formatDuration(locale, run.ms) }));
    parts.push(t("cell.lastRun", { time: formatTime(locale, new Date(run.finishedAt)) }));
  }
  // A drawn output says its own size; prose has nothing to summarise.
  const summary =
    run?.status === "ok" && !hasRenderer(run.output) && kind !== "markdown" ? run.summary : undefined;
  if (parts.length === 0 && !summary) return null;
  return (
    <div className="cell-footer">
      <span>{parts.join(" · ")}</span>
      {summary && <span className="cell-summary">{summary}</span>}
    </div>
  );
}
