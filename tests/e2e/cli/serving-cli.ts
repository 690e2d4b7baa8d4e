import { spawn } from "node:child_process";
import { LAKEBOOK, offlineEnv } from "./run-cli";

export interface ServingCli {
  /** The first stdout line: the URL with the token. */
  url: string;
  stderr(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export interface ExitedCli {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `lakebook serve|start …` (or any command) as a subprocess: resolves with the URL once a first
 * stdout line that is a URL is out, or with the exit when the command ends without serving (a
 * refusal, a failed build, a command that is not a server).
 * `bin` lets a test run the CLI of another checkout (a fresh copy); `env` adds or replaces variables.
 */
export function serveCli(
  args: string[],
  cwd: string,
  bin: string = LAKEBOOK,
  env: Record<string, string> = {},
): Promise<{ serving: ServingCli } | { exited: ExitedCli }> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...offlineEnv(), NO_COLOR: "1", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      // A server's first line is its URL; any other command's output is kept for its exit.
      if (!stdout.includes("\n") || !stdout.startsWith("http://")) return;
      resolve({
        serving: {
          url: stdout.split("\n")[0] ?? "",
          stderr: () => stderr,
          stop: () => {
            child.kill("SIGTERM");
            return closed;
          },
        },
      });
    });
    closed.then((code) => resolve({ exited: { code, stdout, stderr } }));
  });
}
