import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import type { CellRunResult } from "../../../pipeline/contract";
import { openWorkspace, recordRunResults, runCell } from "../../../pipeline/service";
import { recordLastOutput } from "../../../pipeline/service/last-outputs";
import { freshDemoProject } from "../helpers/serve";
import { goOffline } from "./serve-here";

/**
 * Demo projects for the browser tests, made once per test file and copied for each test: a copy is
 * a few megabytes of files, where `lakebook demo` is a process and running the demo is most of a
 * minute on two cores. Every test still starts from a fresh lake: its own copy in its own temp
 * folder (so two test files running at once never share one).
 */
export interface DemoProject {
  dir: string;
  notebook: string;
}

/** Folders this test file made; removed when the file's tests are done. */
const made: string[] = [];
// Registered on the importing test file's own suite, at collection.
afterAll(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** `template` copied into a new temp folder: what `lakebook demo` (and a run) would have left there. */
async function copyOf(template: DemoProject): Promise<DemoProject> {
  const dir = await tempDir("lakebook-e2e-");
  await cp(template.dir, dir, { recursive: true });
  return { dir, notebook: path.join(dir, path.basename(template.notebook)) };
}

let pristine: Promise<DemoProject> | undefined;

/** The demo as `lakebook demo` writes it, nothing run: a fresh copy each call. */
export async function demoProject(): Promise<DemoProject> {
  pristine ??= freshDemoProject().then((project) => {
    made.push(project.dir);
    return project;
  });
  return copyOf(await pristine);
}

let built: Promise<DemoProject> | undefined;

/**
 * The demo with every cell run once, headless, the way the service runs a cell from the UI: the lake
 * (RAW, TRUSTED, REFINED) and the catalog built, and each cell's output recorded beside the notebook,
 * so the page opens with every cell's last run shown. A fresh copy each call.
 */
export async function builtDemoProject(): Promise<DemoProject> {
  built ??= demoProject().then(async (project) => {
    await runEveryCell(project.notebook);
    return project;
  });
  return copyOf(await built);
}

/** Runs each cell in order as the router's `cell.run` does; a cell that does not end ok stops the build. */
async function runEveryCell(notebookPath: string): Promise<void> {
  goOffline();
  const workspace = await openWorkspace({ notebookPath });
  try {
    const results: CellRunResult[] = [];
    for (const cell of workspace.notebook?.cells ?? []) {
      const result = await runCell(workspace, cell, {
        runId: `built-${cell.id}`,
        signal: new AbortController().signal,
        emit: () => undefined,
      });
      if (result.status !== "ok") {
        throw new Error(`The demo's ${cell.id} ended ${result.status}: ${result.error?.message ?? ""}`);
      }
      await recordLastOutput(workspace.stateDir, notebookPath, result, cell.source);
      results.push(result);
    }
    await recordRunResults(workspace.stateDir, notebookPath, results);
  } finally {
    await workspace.close();
  }
}
