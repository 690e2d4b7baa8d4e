import type fc from "fast-check";

/**
 * Bounded fuzzing: every property runs a fixed number of cases and stops after a few seconds
 * whatever the count, so the suite stays fast on 2 cores. In CI the seed is fixed (the same cases
 * every run: a red build is reproducible); on a workstation each run explores new cases. A failure
 * prints its seed and path: `LAKEBOOK_FUZZ_SEED=<seed>` replays it, `LAKEBOOK_FUZZ_RUNS=<n>` runs longer.
 */
const CI_SEED = 20261207;
const SECONDS_PER_PROPERTY = 4;

export function fuzzed<T>(numRuns: number): fc.Parameters<T> {
  const seedSetting = process.env.LAKEBOOK_FUZZ_SEED;
  const seed = seedSetting ? Number(seedSetting) : process.env.CI ? CI_SEED : undefined;
  const runs = Number(process.env.LAKEBOOK_FUZZ_RUNS) || numRuns;
  return {
    numRuns: runs,
    ...(seed === undefined ? {} : { seed }),
    // A longer explicit run is not cut short; the default one is, so a slow machine stays in budget.
    ...(process.env.LAKEBOOK_FUZZ_RUNS ? {} : { interruptAfterTimeLimit: SECONDS_PER_PROPERTY * 1000 }),
  };
}
