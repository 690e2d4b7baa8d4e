import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const CHILD = fileURLToPath(new URL("./crash-child.ts", import.meta.url));
// `--import tsx` resolves from the child's cwd (a temp project): name tsx's loader by its path.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs crash-child.ts in its own Node process (`node --import tsx`), stopping itself with SIGKILL
 * at `crashAt` when given. Offline: no TMDB credentials reach it.
 */
export function child(args: string[], cwd: string, crashAt?: string): Promise<ChildResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  for (const name of ["TMDB_API_KEY", "TMDB_READ_ACCESS_TOKEN", "TMDB_API_BASE", "LAKEBOOK_TEST_CRASH_AT"]) {
    delete env[name];
  }
  if (crashAt) env.LAKEBOOK_TEST_CRASH_AT = crashAt;
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", TSX, CHILD, ...args], { cwd, env });
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
