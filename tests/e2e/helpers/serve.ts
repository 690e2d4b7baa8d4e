import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { LAKEBOOK, lakebook, offlineEnv } from "../cli/run-cli";

export interface ServedNotebook {
  url: string;
  child: ChildProcessWithoutNullStreams;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `lakebook serve <notebook> --no-open`, resolved once its URL is on the first stdout line; `env`
 * adds variables (a config folder of the test's own).
 */
export function serveNotebook(notebook: string, env: NodeJS.ProcessEnv = {}): Promise<ServedNotebook> {
  const child = spawn(process.execPath, [LAKEBOOK, "serve", notebook, "--no-open"], {
    cwd: path.dirname(notebook),
    env: { ...offlineEnv(), ...env },
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) {
        resolve({
          url: line,
          child,
          stop: (signal = "SIGTERM") =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once("close", () => done());
              child.kill(signal);
            }),
        });
      }
    });
    child.once("exit", (code) => reject(new Error(`lakebook serve exited with ${code}: ${stderr}`)));
  });
}

/** A fresh demo project in a new temp folder: every e2e test starts from a fresh lake. */
export async function freshDemoProject(): Promise<{ dir: string; notebook: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "lakebook-e2e-"));
  const result = await lakebook(["demo", dir], dir);
  if (result.code !== 0) throw new Error(`lakebook demo failed: ${result.stderr}`);
  return { dir, notebook: path.join(dir, "horror-subgenres.lakebook.md") };
}
