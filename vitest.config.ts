import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const ALL = ["tests/{unit,integration,e2e,fuzz}/**/*.test.{ts,tsx}"];
/** Test files that drive Chromium: one at a time, so two browsers never share CI's two cores. */
const BROWSER = [
  "tests/e2e/workbench/**/*.test.ts",
  "tests/e2e/dashboard/**/*.test.ts",
  "tests/e2e/desktop-ipc.test.ts",
];

export default defineConfig({
  test: {
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
    // Vitest's default on 2 cores is one file at a time (cores − 1). The browser files run first,
    // one at a time (each starts Chromium, a service and DuckDB: two at once ran past their 60 s);
    // then every other file, two at a time, since most of them wait on a child process, a server
    // or the disk rather than compute.
    projects: [
      {
        extends: true,
        test: { name: "browser", include: BROWSER, maxWorkers: 1, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: "node", include: ALL, exclude: BROWSER, maxWorkers: 2, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
