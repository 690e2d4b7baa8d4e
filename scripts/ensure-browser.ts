// `npm test` runs this first: the browser tests drive a real Chromium, and Playwright cannot
// download its own on these machines, so Debian's is the one (tests/e2e/helpers/browser.ts looks
// in the same places). Missing, it is installed when we may (root, apt-get), otherwise the run stops
// at once with the command to type, instead of failing browser test after browser test later.
import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { pathToFileURL } from "node:url";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";
const APT_GET = "/usr/bin/apt-get";

export interface Machine {
  /** CHROMIUM_PATH, when set. */
  chromiumPath: string | undefined;
  isExecutable(file: string): boolean;
  isRoot: boolean;
}

export type BrowserCheck =
  | { verdict: "found"; chromium: string }
  | { verdict: "install"; command: string[] }
  | { verdict: "missing"; message: string };

/** What to do about the browser on this machine; pure, so every branch is tested. */
export function checkBrowser(machine: Machine): BrowserCheck {
  const wanted = machine.chromiumPath;
  if (wanted) {
    if (machine.isExecutable(wanted)) return { verdict: "found", chromium: wanted };
    // Installing Debian's would not help: the tests would still look at CHROMIUM_PATH.
    return {
      verdict: "missing",
      message: `CHROMIUM_PATH is ${wanted}, which is not a program. Point it at Chromium, or unset it to use ${DEBIAN_CHROMIUM}:\n  unset CHROMIUM_PATH`,
    };
  }
  if (machine.isExecutable(DEBIAN_CHROMIUM)) return { verdict: "found", chromium: DEBIAN_CHROMIUM };
  if (!machine.isExecutable(APT_GET)) {
    return {
      verdict: "missing",
      message:
        "The browser tests need Chromium, and this machine has no apt-get to install Debian's. Install Chromium, then run:\n  CHROMIUM_PATH=/path/to/chromium npm test",
    };
  }
  if (machine.isRoot) return { verdict: "install", command: ["apt-get", "install", "-y", "-qq", "chromium"] };
  return {
    verdict: "missing",
    message: `The browser tests need Chromium at ${DEBIAN_CHROMIUM}. Run:\n  sudo apt-get install -y chromium`,
  };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function main(): number {
  const machine: Machine = {
    chromiumPath: process.env.CHROMIUM_PATH || undefined,
    isExecutable,
    isRoot: process.getuid?.() === 0,
  };
  const check = checkBrowser(machine);
  if (check.verdict === "found") return 0;
  if (check.verdict === "install") {
    process.stderr.write(
      `ensure-browser: Chromium is missing; installing Debian's (${check.command.join(" ")}) …\n`,
    );
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const [apt, ...args] = check.command as [string, ...string[]];
    for (const step of [["update", "-qq"], args]) {
      if (spawnSync(apt, step, { stdio: "inherit", env }).status !== 0) break;
    }
    if (isExecutable(DEBIAN_CHROMIUM)) return 0;
    process.stderr.write(
      `ensure-browser: installing Chromium failed (apt-get's errors are above). Run:\n  apt-get update && apt-get install -y chromium\n`,
    );
    return 1;
  }
  process.stderr.write(`ensure-browser: ${check.message}\n`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
