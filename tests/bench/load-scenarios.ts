import { serviceUnderLoad } from "../integration/reliability/service-load";

/**
 * The service under load through its real HTTP host (the driver is the load test's): many
 * concurrent `query.run` calls while long `CREATE TABLE … AS` runs write their tables, with the
 * time it took and the memory it grew by. Problems (a wrong answer, an event lost or crossed) are
 * counted, and should be 0; the integration test asserts that on a smaller load.
 */
async function underLoad(queries: number, longRuns: number, rowsPerRun: number) {
  const outcome = await serviceUnderLoad({ queries, longRuns, rowsPerRun, timeoutMs: 600_000 });
  return {
    ms: outcome.ms,
    peakRssMb: outcome.peakRssGrowthMb,
    queries,
    longRuns,
    rowsPerRun,
    events: outcome.events,
    problems: outcome.problems.length,
    ...(outcome.problems.length > 0 ? { firstProblem: outcome.problems[0] } : {}),
  };
}

export const loadScenarios = {
  "service under load, 50 queries + 5 long runs": () => underLoad(50, 5, 2_000_000),
  "service under load, 500 queries + 10 long runs": () => underLoad(500, 10, 2_000_000),
};
