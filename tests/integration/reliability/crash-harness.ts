import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { bundleCrashChild } from "./crash-child-bundle";

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts crash-child.ts in its own Node process; see `crashChild`. */
export type RunChild = (args: string[], cwd: string, crashAt?: string) => Promise<ChildResult>;

/**
 * Bundles crash-child.ts into `folder` (the test's own) and returns what runs it in its own Node
 * process, stopping itself with SIGKILL at `crashAt` when given. Offline: no TMDB credentials reach it.
 */
export async function crashChild(folder: string): Promise<RunChild> {
  const bundle = await bundleCrashChild(folder);
  return (args, cwd, crashAt) => runChild(bundle, args, cwd, crashAt);
}

function runChild(bundle: string, args: string[], cwd: string, crashAt?: string): Promise<ChildResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  for (const name of ["TMDB_API_KEY", "TMDB_READ_ACCESS_TOKEN", "TMDB_API_BASE", "LAKEBOOK_TEST_CRASH_AT"]) {
    delete env[name];
  }
  if (crashAt) env.LAKEBOOK_TEST_CRASH_AT = crashAt;
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [bundle, ...args], { cwd, env });
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    proc.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    proc.on("error", reject);
    proc.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Every file below `folder`, relative, sorted; [] when it does not exist. */
export async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}
