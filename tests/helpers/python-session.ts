import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createInterface } from "node:readline";

/**
 * One python3 process that answers JSON requests, one line in and one line out, in order.
 * Why: starting python3 costs far more than the call a test makes, and a test file makes dozens.
 * The script reads `sys.stdin` line by line and prints one JSON line per request.
 */
export interface PythonSession {
  ask<T = unknown>(request: unknown): Promise<T>;
  close(): Promise<void>;
}

export function startPython(args: string[]): PythonSession {
  // -u: every answer reaches the pipe at once, not when a buffer fills.
  const proc: ChildProcessWithoutNullStreams = spawn("python3", ["-u", ...args], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const waiting: { resolve(line: string): void; reject(error: Error): void }[] = [];
  let stderr = "";
  let ended: Error | undefined;
  proc.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  createInterface({ input: proc.stdout }).on("line", (line) => waiting.shift()?.resolve(line));
  const fail = (error: Error) => {
    ended = error;
    for (const request of waiting.splice(0)) request.reject(error);
  };
  proc.on("error", fail);
  proc.on("close", (code) => fail(new Error(`python3 ended (${code}): ${stderr}`)));
  return {
    ask: <T>(request: unknown) =>
      new Promise<string>((resolve, reject) => {
        if (ended) return reject(ended);
        waiting.push({ resolve, reject });
        proc.stdin.write(`${JSON.stringify(request)}\n`);
      }).then((line) => JSON.parse(line) as T),
    close: () =>
      new Promise<void>((resolve) => {
        if (ended) return resolve();
        proc.once("close", () => resolve());
        proc.stdin.end();
      }),
  };
}
