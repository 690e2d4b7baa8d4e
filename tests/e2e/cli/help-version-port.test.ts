import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../../pipeline/cli/commands";
import { lakebook, lakebookInOneProcess } from "./run-cli";
import { serveCli } from "./serving-cli";

let dir: string;
// Each check starts the real CLI; on a shared, busy machine one start can take seconds.
const SLOW = { timeout: 300_000 };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-cli-help-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("lakebook --help and --version", () => {
  it("lists every registered command with what it does and one example", SLOW, async () => {
    const result = await lakebook(["--help"], dir);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) {
      expect(result.stdout).toContain(`  ${command.name} `);
      expect(result.stdout).toContain(command.summary);
      expect(result.stdout).toContain(command.example);
    }
    expect(result.stdout).toContain("--version");
    // Typed with nothing, the same list, but it was not what the user meant to run.
    const bare = await lakebook([], dir);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe(result.stdout);
  });

  it("gives every command a --help with its example and every other command's", SLOW, async () => {
    // Help answers before any work: one process for all of them.
    const results = await lakebookInOneProcess(
      [...COMMANDS.map((command) => [command.name, "--help"]), ["help", "serve"], ["serve", "--help"]],
      dir,
    );
    expect(results).toHaveLength(COMMANDS.length + 2);
    COMMANDS.forEach((command, i) => {
      const result = results[i];
      expect(result?.code, command.name).toBe(0);
      expect(result?.stdout).toContain(`Usage: lakebook ${command.name}`);
      expect(result?.stdout).toContain(`Example:\n  ${command.example}\n`);
      for (const other of COMMANDS) expect(result?.stdout).toContain(`  ${other.example}`);
    });
    const [helpServe, serveHelp] = results.slice(-2);
    expect(helpServe?.stdout).toBe(serveHelp?.stdout);
  });

  it("names the commands when one is mistyped", SLOW, async () => {
    const result = await lakebook(["serv"], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    for (const command of COMMANDS) expect(result.stderr).toContain(command.name);
  });

  it("prints package.json's version", SLOW, async () => {
    const { version } = JSON.parse(await readFile(new URL("../../../package.json", import.meta.url), "utf8"));
    const flags = ["--version", "-v"];
    const results = await lakebookInOneProcess(
      flags.map((flag) => [flag]),
      dir,
    );
    expect(results).toHaveLength(flags.length);
    for (const result of results) {
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${version}\n`);
    }
  });
});

describe("--port 0 means any free port", () => {
  it("serve --port 0 listens on a free port and prints it in the URL line", SLOW, async () => {
    const started = await serveCli(["serve", "--port", "0", "--no-open"], dir);
    if (!("serving" in started)) throw new Error(`serve exited: ${started.exited.stderr}`);
    const { url, stop } = started.serving;
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/);
      expect(Number(new URL(url).port)).toBeGreaterThan(0);
      expect((await fetch(url)).status).toBe(200);
    } finally {
      expect(await stop()).toBe(0);
    }
  });

  it("start --port 0 --no-open writes the demo project and serves it on a free port", SLOW, async () => {
    const started = await serveCli(["start", "project", "--port", "0", "--no-open"], dir);
    if (!("serving" in started)) throw new Error(`start exited: ${started.exited.stderr}`);
    const { url, stop } = started.serving;
    try {
      expect(Number(new URL(url).port)).toBeGreaterThan(0);
      await stat(path.join(dir, "project", "horror-subgenres.lakebook.md"));
    } finally {
      expect(await stop()).toBe(0);
    }
  });

  it("refuses a port that is not one, in one line with exit code 2", SLOW, async () => {
    const refused = [
      ["serve", "65536"],
      ["serve", "http"],
      ["start", "1.5"],
    ] as const;
    const results = await lakebookInOneProcess(
      refused.map(([command, port]) => [command, "--port", port, "--no-open"]),
      dir,
    );
    expect(results).toHaveLength(refused.length);
    refused.forEach(([command, port], i) => {
      expect(results[i]?.code).toBe(2);
      expect(results[i]?.stderr).toBe(
        `lakebook ${command}: --port expects a port from 0 to 65535 (0: any free port), got "${port}" (see lakebook ${command} --help)\n`,
      );
    });
  });
});
