import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkBrowser, DEBIAN_CHROMIUM, type Machine } from "../../../scripts/ensure-browser";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

function machine(programs: string[], overrides: Partial<Machine> = {}): Machine {
  return {
    chromiumPath: undefined,
    isExecutable: (file) => programs.includes(file),
    isRoot: false,
    ...overrides,
  };
}

describe("checkBrowser", () => {
  it("finds Debian's Chromium", () => {
    expect(checkBrowser(machine([DEBIAN_CHROMIUM]))).toEqual({ verdict: "found", chromium: DEBIAN_CHROMIUM });
  });

  it("uses CHROMIUM_PATH, and never installs over a CHROMIUM_PATH that is wrong", () => {
    expect(checkBrowser(machine(["/opt/chromium"], { chromiumPath: "/opt/chromium" }))).toEqual({
      verdict: "found",
      chromium: "/opt/chromium",
    });
    const wrong = checkBrowser(
      machine([DEBIAN_CHROMIUM, "/usr/bin/apt-get"], { chromiumPath: "/opt/nope", isRoot: true }),
    );
    expect(wrong).toMatchObject({ verdict: "missing" });
    expect(wrong.verdict === "missing" && wrong.message).toMatch(
      /CHROMIUM_PATH is \/opt\/nope.*\n {2}unset CHROMIUM_PATH$/,
    );
  });

  it("installs Debian's chromium as root with apt-get", () => {
    expect(checkBrowser(machine(["/usr/bin/apt-get"], { isRoot: true }))).toEqual({
      verdict: "install",
      command: ["apt-get", "install", "-y", "-qq", "chromium"],
    });
  });

  it("otherwise stops with exactly the command to run", () => {
    const user = checkBrowser(machine(["/usr/bin/apt-get"]));
    expect(user.verdict === "missing" && user.message.split("\n").at(-1)).toBe(
      "  sudo apt-get install -y chromium",
    );
    const noApt = checkBrowser(machine([], { isRoot: true }));
    expect(noApt.verdict === "missing" && noApt.message.split("\n").at(-1)).toBe(
      "  CHROMIUM_PATH=/path/to/chromium npm test",
    );
  });
});

describe("scripts/ensure-browser.ts as npm test runs it", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "lakebook-ensure-browser-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function run(chromiumPath: string): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      // From the repository root, as npm runs it: `--import tsx` resolves from there.
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/ensure-browser.ts"], {
        cwd: ROOT,
        env: { ...process.env, CHROMIUM_PATH: chromiumPath },
      });
      let stderr = "";
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stderr }));
    });
  }

  it("passes quietly when CHROMIUM_PATH is a program", async () => {
    const chromium = path.join(dir, "chromium");
    await writeFile(chromium, "#!/bin/sh\n");
    await chmod(chromium, 0o755);
    expect(await run(chromium)).toEqual({ code: 0, stderr: "" });
  });

  it("fails with the fix when it is not", async () => {
    const result = await run(path.join(dir, "no-chromium"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("ensure-browser: CHROMIUM_PATH is");
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe("  unset CHROMIUM_PATH");
  });
});
