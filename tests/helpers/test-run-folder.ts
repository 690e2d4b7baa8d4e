import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A folder of this test run's own, shared by its test processes (`inject("testRunFolder")`). */
    testRunFolder: string;
  }
}

/**
 * vitest's globalSetup: one temp folder per `vitest run`, for what test files build once and share
 * (the built demo, `demo-lake.ts`). Nothing is built here: a run that needs none of it pays nothing.
 * Removed when the run ends, so nothing from an older checkout or an older day is ever reused.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(path.join(tmpdir(), "lakebook-test-run-"));
  project.provide("testRunFolder", folder);
  return () => rm(folder, { recursive: true, force: true });
}
