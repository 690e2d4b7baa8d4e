import { describe, expect, it } from "vitest";
import type { Selection } from "../../../../pipeline/stages/tmdb/enrich";
import { planMessage, planRun, sampleSelection } from "../../../../pipeline/stages/tmdb/run-plan";
import { parseTmdbSettings } from "../../../../pipeline/stages/tmdb/settings";

const selectionOf = (count: number): Selection => ({
  titles: Array.from({ length: count }, (_, i) => ({
    imdbId: `tt${String(1_000_000 + i).padStart(7, "0")}`,
  })),
  skipped: [],
});

describe("the TMDB cell's plan, said before it starts", () => {
  it("gives titles, requests and time at the full-size demo select (≈ 84 k titles at 40 requests/s)", () => {
    const plan = planRun(selectionOf(84_012), undefined, 40);
    expect(plan).toMatchObject({ selected: 84_012, titles: 84_012, requests: 168_024, sampled: false });
    expect(planMessage(plan, 40)).toBe(
      "84,012 titles, up to 168,024 requests, about 1 h 10 min at 40 requests/s; a run stopped before the end resumes where it stopped when run again; add sample: 500 to the cell for a quick first run on a fixed sample",
    );
  });

  it("counts only the sample when there is one, and does not suggest one then", () => {
    const plan = planRun(selectionOf(84_012), 500, 40);
    expect(planMessage(plan, 40)).toBe(
      "500 of the 84,012 selected titles (sample), up to 1,000 requests, about 25 s at 40 requests/s; a run stopped before the end resumes where it stopped when run again",
    );
    expect(planRun(selectionOf(10), 500, 40)).toMatchObject({ titles: 10, sampled: false });
  });

  it("samples the same titles every time, spread over the ids, in the selection's order", () => {
    const selection = selectionOf(10_000);
    const first = sampleSelection(selection, 500);
    const again = sampleSelection({ ...selection, titles: [...selection.titles] }, 500);
    expect(first.titles).toHaveLength(500);
    expect(again.titles).toEqual(first.titles);
    const ids = first.titles.map((t) => t.imdbId);
    expect([...ids].sort()).toEqual(ids);
    // Not the oldest 500: a hash spreads the sample over the whole range.
    expect(ids.filter((id) => id >= "tt1005000").length).toBeGreaterThan(150);
    expect(sampleSelection(selection, 20_000)).toBe(selection);
  });

  it("reads sample: from the cell and explains a bad one by its field", () => {
    expect(parseTmdbSettings({ id: "t", source: "sample: 500" }).sample).toBe(500);
    expect(parseTmdbSettings({ id: "t", source: "fields: [budget]" }).sample).toBeUndefined();
    expect(() => parseTmdbSettings({ id: "t", source: "sample: 0" })).toThrow(
      '"sample" must be a whole number of titles, at least 1, e.g. 500',
    );
  });
});
