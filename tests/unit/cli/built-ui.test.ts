import { spawnSync } from "node:child_process";
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildLockPath, withBuildLock } from "../../../pipeline/cli/build-lock";
import { builtUiState } from "../../../pipeline/cli/built-ui";

let root: string;
const HOUR = 3600;
const now = Date.now() / 1000;

/** Writes `file` under the fake checkout with its modification time `age` seconds ago. */
function put(file: string, age: number): void {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, "x");
  utimesSync(full, now - age, now - age);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "lakebook-built-ui-"));
  put("renderer/index.html", 3 * HOUR);
  put("renderer/src/main.tsx", 3 * HOUR);
  put("pipeline/contract/methods.ts", 3 * HOUR);
  put("pipeline/document/parse.ts", 3 * HOUR);
  put("node_modules/.package-lock.json", 3 * HOUR);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("builtUiState", () => {
  it("is missing without renderer/dist/index.html", () => {
    expect(builtUiState(root)).toEqual({ state: "missing" });
  });

  it("is fresh when the build is newer than every source", () => {
    put("renderer/dist/index.html", HOUR);
    expect(builtUiState(root)).toEqual({ state: "fresh" });
  });

  it.each([
    "renderer/src/main.tsx",
    "renderer/index.html",
    "pipeline/contract/methods.ts",
    "pipeline/document/parse.ts",
    "node_modules/.package-lock.json",
  ])("is stale when %s changed after the build", (source) => {
    put("renderer/dist/index.html", HOUR);
    put(source, 0);
    expect(builtUiState(root)).toEqual({ state: "stale", newerSource: source });
  });

  it("ignores what is not bundled: the build's own files, Markdown, other rooms", () => {
    put("renderer/dist/index.html", HOUR);
    put("renderer/dist/assets/index.js", 0);
    put("renderer/README.md", 0);
    put("pipeline/service/router.ts", 0);
    expect(builtUiState(root)).toEqual({ state: "fresh" });
  });
});

describe("withBuildLock", () => {
  it("lets one build run at a time", async () => {
    const events: string[] = [];
    const build = (name: string) =>
      withBuildLock(root, async () => {
        events.push(`${name} starts`);
        await new Promise((resolve) => setTimeout(resolve, 300));
        events.push(`${name} ends`);
      });
    await Promise.all([build("a"), build("b")]);
    expect(events).toEqual(
      events[0] === "a starts"
        ? ["a starts", "a ends", "b starts", "b ends"]
        : ["b starts", "b ends", "a starts", "a ends"],
    );
  });

  it("takes over a lock left by a process that died", async () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    mkdirSync(buildLockPath(root));
    writeFileSync(path.join(buildLockPath(root), "pid"), String(dead));
    expect(await withBuildLock(root, async () => "built")).toBe("built");
  });
});
