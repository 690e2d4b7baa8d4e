import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const LAKEBOOK = fileURLToPath(new URL("../../../bin/lakebook.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `lakebook` binary as a user would, in `cwd`, with extra environment variables. */
export function lakebook(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LAKEBOOK, ...args], {
      cwd,
      env: { ...offlineEnv(), NO_COLOR: "1", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The environment without TMDB credentials: tests use the offline sample, never the network. */
export function offlineEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ["TMDB_API_KEY", "TMDB_READ_ACCESS_TOKEN", "TMDB_API_BASE"]) delete env[name];
  // Nor a TMDB token the developer kept in Settings (~/.config/lakebook/credentials): a folder of its own.
  env.LAKEBOOK_CONFIG_DIR = path.join(tmpdir(), `lakebook-test-config-${process.pid}`);
  return env;
}
