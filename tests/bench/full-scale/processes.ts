import { spawnSync } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";

export interface ProcessRun {
  stdout: string;
  wallMs: number;
  /** Peak resident set size of the process, from GNU time's %M. */
  peakRssMb: number;
}

/**
 * Runs one command to completion under /usr/bin/time, so each side's peak RSS is its own process's
 * (the bench's own memory never counts). TMDB credentials are removed: the TMDB cell uses the
 * offline sample and no request leaves the machine.
 */
export async function runMeasured(command: string, args: string[], workDir: string): Promise<ProcessRun> {
  const rssFile = path.join(workDir, "peak-rss.txt");
  const env = { ...process.env };
  delete env.TMDB_READ_ACCESS_TOKEN;
  delete env.TMDB_API_KEY;
  const started = performance.now();
  const run = spawnSync("/usr/bin/time", ["-f", "%M", "-o", rssFile, command, ...args], {
    encoding: "utf8",
    env,
    maxBuffer: 64 * 2 ** 20,
  });
  const wallMs = Math.round(performance.now() - started);
  if (run.status !== 0) {
    throw new Error(
      `${path.basename(command)} ${args.join(" ")} exited ${run.status}:\n${run.stderr.slice(-4000)}\n${run.stdout.slice(-2000)}`,
    );
  }
  const kb = Number((await readFile(rssFile, "utf8")).trim().split("\n").at(-1));
  await rm(rssFile, { force: true });
  return { stdout: run.stdout, wallMs, peakRssMb: Math.round(kb / 1024) };
}

/** The JSON a process printed last: one line (the bench scripts) or an indented object (`lakebook --json`). */
export function lastJson<T>(stdout: string): T {
  const text = stdout.trim();
  const start = text.lastIndexOf("\n{");
  return JSON.parse(start < 0 ? text : text.slice(start + 1)) as T;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
};

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};
