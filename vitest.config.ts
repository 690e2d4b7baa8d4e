import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/{unit,integration,e2e,fuzz}/**/*.test.{ts,tsx}"],
    // DuckDB and s3rver tests start real servers and engines; give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    setupFiles: ["tests/helpers/aws-models/setup.ts"],
    // One folder per run for what test files build once and share (the built demo lake).
    globalSetup: ["tests/helpers/test-run-folder.ts"],
    // A TMDB token the developer kept in Settings (~/.config/lakebook/credentials) must not turn
    // the offline sample into real TMDB calls in tests: a config folder of the tests' own.
    env: { LAKEBOOK_CONFIG_DIR: path.join(tmpdir(), "lakebook-test-config") },
    // A focused test (`it.only`) left in a commit would silently skip the rest of the suite.
    allowOnly: false,
  },
});
