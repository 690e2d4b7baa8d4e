import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { COMMANDS } from "../../../pipeline/cli/commands";
import { LAKEBOOK } from "./run-cli";
import { serveCli } from "./serving-cli";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-cli-examples-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A help example as the shell would split it: words, and "double-quoted" words. */
function words(example: string): string[] {
  return [...example.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? "");
}

// The examples in the help are meant to be copied: run each, in the help's order, in one fresh
// folder, as a newcomer would (start writes ./demo, run fills its lake, query and export read it).
it("runs every help example as printed: it finishes with 0 or serves", { timeout: 600_000 }, async () => {
  for (const command of COMMANDS) {
    const [program, ...args] = words(command.example);
    expect(program).toBe("lakebook");
    expect(args[0]).toBe(command.name);
    // Nothing on PATH (the CLI starts Node by its full path): `lakebook start` finds no browser
    // opener, so no window opens on a developer's desktop.
    const started = await serveCli(args, dir, LAKEBOOK, { PATH: path.join(dir, "no-programs") });
    if ("serving" in started) {
      expect(started.serving.url, command.example).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(await started.serving.stop()).toBe(0);
    } else {
      expect(started.exited.code, `${command.example}\n${started.exited.stderr}`).toBe(0);
    }
  }
});
