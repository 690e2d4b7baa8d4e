import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const LAKEBOOK = fileURLToPath(new URL("../../../bin/lakebook.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `lakebook` binary as a user would, in `cwd`, with extra environment variables. */
export function lakebook(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return runNode([LAKEBOOK, ...args], cwd, env);
}

/** Node with `args`, offline and without colour, in `cwd`: its exit code and everything it printed. */
function runNode(args: string[], cwd: string, env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...offlineEnv(), NO_COLOR: "1", ...env } });
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

const IN_ONE_PROCESS = fileURLToPath(new URL("./commands-in-one-process.ts", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/**
 * Several `lakebook` commands in one Node process (`commands-in-one-process.ts`), one after another,
 * each answered as `lakebook()` answers one. For quick answers whose process does not matter
 * (usage errors, help, small queries): each process start costs a second or more of tsx start-up.
 * Commands whose exit, signals or output streams are the point keep `lakebook()`.
 */
export async function lakebookInOneProcess(
  commands: string[][],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliResult[]> {
  const folder = await mkdtemp(path.join(tmpdir(), "lakebook-commands-"));
  const results = path.join(folder, "results.json");
  try {
    const exited = await runNode(
      ["--import", TSX, IN_ONE_PROCESS, results, JSON.stringify(commands)],
      cwd,
      env,
    );
    if (exited.code !== 0) {
      throw new Error(`the commands' process exited ${exited.code}:\n${exited.stderr}${exited.stdout}`);
    }
    return JSON.parse(await readFile(results, "utf8")) as CliResult[];
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The environment without TMDB credentials: tests use the offline sample, never the network. */
export function offlineEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ["TMDB_API_KEY", "TMDB_READ_ACCESS_TOKEN", "TMDB_API_BASE"]) delete env[name];
  // Nor a TMDB token the developer kept in Settings (~/.config/lakebook/credentials): a folder of its own.
  env.LAKEBOOK_CONFIG_DIR = path.join(tmpdir(), `lakebook-test-config-${process.pid}`);
  return env;
}
