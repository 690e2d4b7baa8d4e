import type { StageProgress } from "../stage";

/**
 * Progress of reading or sending a file, in the words a person wants: bytes, percent, rate and time
 * left. `transferStats` is pure; `TransferMeter` adds the clock and keeps events to a few a second.
 */
export interface TransferStats {
  percent: number;
  /** Bytes per second over this run so far; undefined before there is anything to measure. */
  bytesPerSecond: number | undefined;
  /** Seconds left at that rate; undefined when the rate is unknown. */
  etaSeconds: number | undefined;
}

/** `startDone` is what was already done before this run began (resumed parts): not part of the rate. */
export function transferStats(done: number, total: number, elapsedMs: number, startDone = 0): TransferStats {
  const percent = total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 100;
  const moved = done - startDone;
  if (elapsedMs <= 0 || moved <= 0) return { percent, bytesPerSecond: undefined, etaSeconds: undefined };
  const bytesPerSecond = (moved * 1000) / elapsedMs;
  return { percent, bytesPerSecond, etaSeconds: Math.max(0, Math.ceil((total - done) / bytesPerSecond)) };
}

export function formatRate(bytesPerSecond: number): string {
  const mb = bytesPerSecond / (1024 * 1024);
  return mb >= 1 ? `${mb.toFixed(1)} MB/s` : `${Math.max(1, Math.round(bytesPerSecond / 1024))} KB/s`;
}

export function formatEta(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? `${minutes} min ${seconds % 60} s`
    : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * "Uploading movies.csv · 12.3 MB/s · ETA 5 s". Bytes and percent travel as the event's done/total,
 * which every progress display already shows; the message adds what they cannot: rate and time left.
 */
export function transferMessage(verb: string, name: string, stats: TransferStats): string {
  const parts = [`${verb} ${name}`];
  if (stats.bytesPerSecond !== undefined) parts.push(formatRate(stats.bytesPerSecond));
  if (stats.etaSeconds !== undefined && stats.percent < 100) parts.push(`ETA ${formatEta(stats.etaSeconds)}`);
  return parts.join(" · ");
}

const MIN_INTERVAL_MS = 200;

export class TransferMeter {
  private readonly started = performance.now();
  private lastSent = -Infinity;
  private startDone: number | undefined;

  constructor(
    private readonly verb: string,
    private readonly name: string,
    private readonly total: number,
    private readonly report: ((update: StageProgress) => void) | undefined,
  ) {}

  update(done: number): void {
    // The first number may already count work from an earlier run (resumed parts).
    this.startDone ??= done;
    const now = performance.now();
    if (done < this.total && now - this.lastSent < MIN_INTERVAL_MS) return;
    this.lastSent = now;
    const stats = transferStats(done, this.total, now - this.started, this.startDone);
    this.report?.({
      done,
      total: this.total,
      unit: "bytes",
      message: transferMessage(this.verb, this.name, stats),
    });
  }
}
