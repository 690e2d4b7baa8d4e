import { formatBytes, formatDuration, formatNumber, useLocale, useT } from "../i18n";
import type { RunProgress } from "../run/run-store";
import { progressStats } from "./progress";

/** A long stage's progress: counts, rate and ETA (from `run.progress` events). */
export function ProgressBar({ cellId, progress }: { cellId: string; progress: RunProgress }) {
  const t = useT();
  const locale = useLocale();
  const stats = progressStats(progress.samples, progress.total);
  const amount = (n: number) =>
    progress.unit === "bytes"
      ? formatBytes(locale, n)
      : `${formatNumber(locale, n)} ${t(`unit.${progress.unit}`)}`;
  const parts = [
    progress.total !== undefined
      ? `${amount(progress.done)} / ${amount(progress.total)}`
      : amount(progress.done),
  ];
  if (stats.rate !== undefined) parts.push(t("progress.rate", { rate: amount(Math.round(stats.rate)) }));
  if (stats.etaMs !== undefined) parts.push(t("progress.eta", { time: formatDuration(locale, stats.etaMs) }));
  return (
    <div className="progress">
      <progress
        aria-label={t("progress.label", { id: cellId })}
        {...(progress.total !== undefined ? { value: progress.done, max: progress.total } : {})}
      />
      <span className="progress-text">
        {parts.join(" · ")}
        {progress.message ? ` — ${progress.message}` : ""}
      </span>
    </div>
  );
}
