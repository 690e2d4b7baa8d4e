import { formatBytes, formatDuration, formatNumber, useLocale, useT } from "../i18n";
import type { RunProgress } from "../state/run-store";
import { progressStats } from "./progress";
import "./progress-bar.css";

/**
 * A stage that estimates its own time left says "ETA …" in its message (the TMDB cell: remaining
 * titles over the rate since the start, the same line the CLI prints); two different estimates side
 * by side would only confuse, so the bar then leaves its own out.
 */
const STAGE_ETA = /\bETA\b/;

/** A long stage's progress: counts, rate and ETA (from `run.progress` events), the stage's message below. */
export function ProgressBar({ cellId, progress }: { cellId: string; progress: RunProgress }) {
  const t = useT();
  const locale = useLocale();
  const stats = progressStats(progress.samples, progress.total);
  const bytes = progress.unit === "bytes";
  const number = (n: number) => (bytes ? formatBytes(locale, n) : formatNumber(locale, n));
  const unit = bytes ? "" : ` ${t(`unit.${progress.unit}`)}`;
  // "120 / 384 titles": the unit once, after the total.
  const parts = [
    progress.total !== undefined
      ? `${number(progress.done)} / ${number(progress.total)}${unit}`
      : `${number(progress.done)}${unit}`,
  ];
  if (stats.rate !== undefined) {
    parts.push(t("progress.rate", { rate: `${number(Math.round(stats.rate))}${unit}` }));
  }
  if (stats.etaMs !== undefined && !STAGE_ETA.test(progress.message ?? "")) {
    parts.push(t("progress.eta", { time: formatDuration(locale, stats.etaMs) }));
  }
  return (
    <div className="progress">
      <progress
        aria-label={t("progress.label", { id: cellId })}
        {...(progress.total !== undefined ? { value: progress.done, max: progress.total } : {})}
      />
      <span className="progress-text">{parts.join(" · ")}</span>
      {progress.message && <span className="progress-message">{progress.message}</span>}
    </div>
  );
}
