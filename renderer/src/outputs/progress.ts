import type { ProgressSample } from "../state/run-store";

export interface ProgressStats {
  /** Units per second over the recent window; undefined until two samples are apart in time. */
  rate?: number;
  /** Milliseconds left at that rate; undefined without a total or a rate. */
  etaMs?: number;
  fraction?: number;
}

/** Rate and ETA from the last few seconds of samples (not since the start: stages speed up and slow down). */
export function progressStats(
  samples: readonly ProgressSample[],
  total: number | undefined,
  windowMs = 5000,
): ProgressStats {
  const last = samples.at(-1);
  const stats: ProgressStats = {};
  if (!last) return stats;
  if (total !== undefined && total > 0) stats.fraction = Math.min(1, last.done / total);
  const first = samples.find((s) => last.at - s.at <= windowMs) ?? last;
  const elapsed = last.at - first.at;
  if (elapsed <= 0 || last.done < first.done) return stats;
  stats.rate = ((last.done - first.done) / elapsed) * 1000;
  if (total !== undefined && stats.rate > 0)
    stats.etaMs = Math.max(0, ((total - last.done) / stats.rate) * 1000);
  return stats;
}
