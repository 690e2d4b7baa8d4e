import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/{unit,integration,e2e,fuzz}/**/*.test.{ts,tsx}"],
    // DuckDB and s3rver tests start real servers and engines; give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    setupFiles: ["tests/helpers/aws-models/setup.ts"],
    // A focused test (`it.only`) left in a commit would silently skip the rest of the suite.
    allowOnly: false,
  },
});
