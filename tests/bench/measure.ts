import { performance } from "node:perf_hooks";

export interface Measurement {
  ms: number;
  /** Highest resident set size seen while the work ran, minus the RSS before it started. */
  peakRssMb: number;
  /** JS heap growth, after a GC when `--expose-gc` is on. */
  heapMb: number;
}

/** Times `work` and samples memory every 5 ms, so a spike that is freed again still shows. */
export async function measure(work: () => Promise<unknown>): Promise<Measurement> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const started = performance.now();
  const kept = await work();
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const heapAfter = process.memoryUsage().heapUsed;
  void kept;
  return {
    ms: Math.round(ms),
    peakRssMb: round((peak - rssBefore) / 2 ** 20),
    heapMb: round((heapAfter - heapBefore) / 2 ** 20),
  };
}

export const round = (value: number) => Math.round(value * 10) / 10;
