import type { ElectronRuntime } from "./electron-runtime";

/** What `npm start` does: the desktop app, or the same workbench served to the browser. */
export type StartPlan =
  | { kind: "desktop"; executable: string; demoDir: string }
  | { kind: "browser"; cliArgs: string[]; notice?: string };

export const RUNTIME_MISSING_NOTICE =
  "Lakebook: the Electron runtime is not installed here, so the workbench opens in your browser; " +
  "for the desktop app run `npm run desktop:runtime` (downloads Electron, needs internet), then `npm start`.";

/**
 * `npm start [dir] [--port N] [--no-open] [--browser]`. The desktop app when its runtime is
 * installed; otherwise — or when asked for a served workbench (`--browser`, or the serving flags
 * `--port` and `--no-open`) — `lakebook start` with the same arguments.
 */
export function planStart(argv: readonly string[], runtime: ElectronRuntime): StartPlan {
  const browserAsked = argv.some(
    (arg) => arg === "--browser" || arg === "--no-open" || arg.startsWith("--port"),
  );
  const cliArgs = ["start", ...argv.filter((arg) => arg !== "--browser")];
  if (!runtime.found) return { kind: "browser", cliArgs, notice: RUNTIME_MISSING_NOTICE };
  if (browserAsked) return { kind: "browser", cliArgs };
  const demoDir = argv.find((arg) => !arg.startsWith("-")) ?? "demo";
  return { kind: "desktop", executable: runtime.executable, demoDir };
}
