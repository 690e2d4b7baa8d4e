#!/usr/bin/env node
// `npm start`: the desktop app where the Electron runtime is installed, else the workbench in the
// browser through `lakebook start` (same flags). The decision is electron/launch/start-plan.ts.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const root = fileURLToPath(new URL("..", import.meta.url));
const { findElectronRuntime } = await import("../electron/launch/electron-runtime.ts");
const { planStart } = await import("../electron/launch/start-plan.ts");
const plan = planStart(process.argv.slice(2), findElectronRuntime());

if (plan.kind === "browser") {
  if (plan.notice) process.stderr.write(`${plan.notice}\n`);
  const { main } = await import("../pipeline/cli/main.ts");
  process.exitCode = await main(plan.cliArgs);
} else {
  const { buildDesktop } = await import("../electron/build/build-desktop.ts");
  const { writeDemoProject } = await import("../pipeline/cli/commands/demo.ts");
  await buildDesktop();
  const { notebook, lines } = await writeDemoProject(path.resolve(plan.demoDir), { force: false });
  for (const line of lines.slice(0, -1)) process.stderr.write(`${line}\n`);
  process.stderr.write(`Opening ${notebook} in the Lakebook desktop app.\n`);
  const app = spawn(plan.executable, [root, notebook], { stdio: "inherit" });
  app.on("exit", (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
