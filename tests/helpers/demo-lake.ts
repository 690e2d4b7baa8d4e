import { cp } from "node:fs/promises";
import path from "node:path";
import { inject } from "vitest";
import { lakebook } from "../e2e/cli/run-cli";
import { buildOnce } from "./build-once";

/**
 * The demo project as `lakebook demo` writes it and `lakebook run` leaves it (every cell ok), built
 * once per test run and shared by every test process; each test gets its own copy (a few MB: a
 * copy takes milliseconds, a run takes many seconds). Tests that are about the run itself (its
 * output, what it sends) still run it; tests that need a built lake to query, check, export or
 * sabotage copy this one. Everything in it is relative to the project folder, so a copy anywhere
 * works as the original would.
 */
export const DEMO_NOTEBOOK = "horror-subgenres.lakebook.md";

/** Copies the built demo project (notebook, data/, .lake/, .lakebook/) to `into`, returned. */
export async function copyBuiltDemo(into: string): Promise<string> {
  await cp(await builtDemo(), into, { recursive: true });
  return into;
}

/** Copies what `lakebook demo` writes (the notebook and data/) to `into`: a project never run. */
export async function copyDemoProject(into: string): Promise<string> {
  await cp(await demoProject(), into, { recursive: true });
  return into;
}

// Each process builds (or waits for) each at most once; the folders are the run's (test-run-folder.ts).
let project: Promise<string> | undefined;
let built: Promise<string> | undefined;

/** The shared demo project, never run: copy it, never change it (other test files use it too). */
function demoProject(): Promise<string> {
  project ??= buildOnce(path.join(inject("testRunFolder"), "demo-project"), async (into) => {
    const demo = await lakebook(["demo", into], path.dirname(into));
    if (demo.code !== 0) throw new Error(`lakebook demo exited ${demo.code}:\n${demo.stderr}`);
  });
  return project;
}

/** The shared demo project after a whole run: copy it, never change it. */
function builtDemo(): Promise<string> {
  built ??= buildOnce(path.join(inject("testRunFolder"), "demo-built"), async (into) => {
    await cp(await demoProject(), into, { recursive: true });
    const run = await lakebook(["run", path.join(into, DEMO_NOTEBOOK), "--json"], path.dirname(into));
    const cells = (JSON.parse(run.stdout || "{}").cells ?? []) as { id: string; status: string }[];
    const failed = cells.filter((cell) => cell.status !== "ok").map((cell) => cell.id);
    if (run.code !== 0 || cells.length === 0 || failed.length > 0) {
      throw new Error(
        `lakebook run of the demo exited ${run.code}, not ok: ${failed.join(", ")}\n${run.stderr}`,
      );
    }
  });
  return built;
}
