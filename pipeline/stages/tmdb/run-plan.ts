import type { Selection } from "./enrich";
import { formatEta } from "./progress-message";

/**
 * What the TMDB cell is about to do, said before it starts: at the challenge's full size the demo's
 * select is tens of thousands of titles, more than an hour at TMDB's rate limit. Pure: the stage
 * passes the selection and the rate in.
 */
export interface RunPlan {
  /** Titles the select returned, before any sample. */
  selected: number;
  /** Titles this run will ask TMDB about (the sample, or all of them). */
  titles: number;
  /** At most: `/find` and the details for every title (a title TMDB does not know costs one). */
  requests: number;
  /** Seconds at `requestsPerSecond`, the upper bound of requests. */
  seconds: number;
  sampled: boolean;
}

/** Above this many titles the plan suggests `sample:` for a first look. */
export const SUGGEST_SAMPLE_ABOVE = 2_000;

export function planRun(
  selection: Selection,
  sample: number | undefined,
  requestsPerSecond: number,
): RunPlan {
  const selected = selection.titles.length;
  const titles = sample === undefined ? selected : Math.min(sample, selected);
  const requests = 2 * titles;
  return { selected, titles, requests, seconds: requests / requestsPerSecond, sampled: titles < selected };
}

/** "84,012 titles, up to 168,024 requests, about 1 h 10 min at 40 requests/s; …". */
export function planMessage(plan: RunPlan, requestsPerSecond: number): string {
  const n = (value: number) => value.toLocaleString("en-US");
  const what = plan.sampled
    ? `${n(plan.titles)} of the ${n(plan.selected)} selected titles (sample)`
    : `${n(plan.titles)} title${plan.titles === 1 ? "" : "s"}`;
  const time =
    plan.titles === 0
      ? "nothing to ask"
      : `about ${formatEta(plan.seconds)} at ${requestsPerSecond} requests/s`;
  const parts = [`${what}, up to ${n(plan.requests)} requests, ${time}`];
  parts.push("a run stopped before the end resumes where it stopped when run again");
  if (!plan.sampled && plan.titles > SUGGEST_SAMPLE_ABOVE) {
    parts.push("add sample: 500 to the cell for a quick first run on a fixed sample");
  }
  return parts.join("; ");
}

/**
 * `size` titles picked by a hash of their IMDb ids, kept in the selection's order: the same
 * selection gives the same sample on every run and every machine (so a rerun resumes it), and a
 * sample spreads over the whole id range instead of taking the oldest titles.
 */
export function sampleSelection(selection: Selection, size: number): Selection {
  if (size >= selection.titles.length) return selection;
  const ranked = selection.titles
    .map((title, index) => ({ index, rank: fnv1a(title.imdbId) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, size)
    .map((entry) => entry.index)
    .sort((a, b) => a - b);
  return {
    ...selection,
    titles: ranked.map((index) => selection.titles[index] as Selection["titles"][number]),
  };
}

/** 32-bit FNV-1a: small, stable across runtimes, well spread over ids like tt0000001…tt9999999. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
