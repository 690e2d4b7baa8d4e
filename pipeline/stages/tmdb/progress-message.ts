/**
 * The TMDB cell's progress line: outcomes so far, requests/s, retries and an ETA. Pure, so the
 * arithmetic is tested without a clock; the stage passes the elapsed time in.
 */
export interface ProgressCounts {
  total: number;
  done: number;
  found: number;
  notFound: number;
  failed: number;
}

export interface ProgressRun {
  /** Titles finished by this run (earlier runs' titles would make the rate look too fast). */
  doneThisRun: number;
  requests: number;
  retries: number;
  elapsedMs: number;
}

export function progressMessage(counts: ProgressCounts, run: ProgressRun): string {
  const seconds = Math.max(run.elapsedMs / 1000, 0.001);
  const parts = [
    `${counts.found} found, ${counts.notFound} not found, ${counts.failed} failed`,
    `${(run.requests / seconds).toFixed(1)} requests/s`,
    `${run.retries} ${run.retries === 1 ? "retry" : "retries"}`,
  ];
  const eta = etaSeconds(counts.total - counts.done, run.doneThisRun, run.elapsedMs);
  if (eta !== undefined) parts.push(`ETA ${formatEta(eta)}`);
  return parts.join(" · ");
}

/**
 * The first second holds the start-up (the select, the first connections): a rate from it is noise,
 * an ETA of minutes for a run that takes seconds.
 */
export const ETA_AFTER_MS = 1000;

/**
 * Seconds left: remaining titles ÷ titles per second so far in this run. Undefined when nothing is
 * left, before a title has finished (no rate yet) or in the first second.
 */
export function etaSeconds(remaining: number, doneThisRun: number, elapsedMs: number): number | undefined {
  if (remaining <= 0 || doneThisRun <= 0 || elapsedMs < ETA_AFTER_MS) return undefined;
  const titlesPerSecond = doneThisRun / (elapsedMs / 1000);
  return remaining / titlesPerSecond;
}

/** "45 s", "1 min 20 s", "2 h 5 min": whole units, rounded up so the last second never reads 0 s. */
export function formatEta(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) {
    const rest = whole % 60;
    return rest === 0 ? `${whole / 60} min` : `${Math.floor(whole / 60)} min ${rest} s`;
  }
  const minutes = Math.round((whole % 3600) / 60);
  const hours = Math.floor(whole / 3600) + (minutes === 60 ? 1 : 0);
  return minutes === 0 || minutes === 60 ? `${hours} h` : `${hours} h ${minutes} min`;
}
