import { describe, expect, it } from "vitest";
import { serviceUnderLoad } from "./service-load";

/**
 * 50 concurrent queries and 5 concurrent long runs through the real HTTP service: all answered
 * correctly, no event lost or crossed, memory bounded. Sized to take seconds here; the bench
 * (`npm run bench`, "service under load") runs a bigger load and reports time and memory.
 */
describe("the service under load", () => {
  it("answers 50 concurrent queries and finishes 5 concurrent long runs, each with its own events", async () => {
    const outcome = await serviceUnderLoad({ queries: 50, longRuns: 5, rowsPerRun: 200_000 });
    expect(outcome.problems).toEqual([]);
    expect(outcome.queriesAnswered).toBe(50);
    expect(outcome.runsFinished).toBe(5);
    // Loose on purpose: DuckDB's memory limit is 1 GB; a leak per query or per event would pass it.
    expect(outcome.peakRssGrowthMb).toBeLessThan(1024);
  });
});
