import { appendFile, cp, mkdtemp, rm, symlink, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveCli } from "./serving-cli";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const BUILT = path.join(ROOT, "renderer", "dist");
// Vite builds on a busy, shared machine can take minutes.
const BUILD = { timeout: 900_000 };

let checkout: string;
let bin: string;
let work: string;

/**
 * What a fresh clone after `npm ci` has: the sources, no `renderer/dist`. A copy gets new
 * modification times, as a clone does; node_modules is linked, not installed again.
 */
async function freshCheckout(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "lakebook-checkout-"));
  for (const entry of [
    "package.json",
    "tsconfig.json",
    "tsconfig.base.json",
    "bin",
    "pipeline",
    "renderer",
    "assets",
  ]) {
    await cp(path.join(ROOT, entry), path.join(dir, entry), {
      recursive: true,
      filter: (source) => source !== BUILT && !source.startsWith(`${BUILT}${path.sep}`),
    });
  }
  await symlink(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

beforeAll(async () => {
  checkout = await freshCheckout();
  bin = path.join(checkout, "bin", "lakebook.js");
  work = await mkdtemp(path.join(tmpdir(), "lakebook-cli-ui-"));
});
afterAll(async () => {
  await rm(checkout, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe("serve and start show the workbench, never a stand-in", () => {
  it("builds the missing UI before serving, then serves the workbench", BUILD, async () => {
    const started = await serveCli(["serve", "--port", "0", "--no-open"], work, bin);
    if (!("serving" in started)) throw new Error(`serve exited: ${started.exited.stderr}`);
    const { url, stderr, stop } = started.serving;
    try {
      expect(stderr()).toContain("lakebook: the workbench UI is not built yet; building it once");
      const page = await (await fetch(url)).text();
      expect(page).toContain('<div id="root"></div>');
      expect(page).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js">/);
    } finally {
      expect(await stop()).toBe(0);
    }
  });

  it("serves a build that is up to date without building again", BUILD, async () => {
    const started = await serveCli(["serve", "--port", "0", "--no-open"], work, bin);
    if (!("serving" in started)) throw new Error(`serve exited: ${started.exited.stderr}`);
    try {
      expect(started.serving.stderr()).not.toContain("building");
    } finally {
      expect(await started.serving.stop()).toBe(0);
    }
  });

  it("rebuilds a UI older than its sources, and stops with what to run when that fails", BUILD, async () => {
    const main = path.join(checkout, "renderer", "src", "main.tsx");
    await appendFile(main, "\nexport const broken = ;\n");
    const later = new Date(Date.now() + 60_000);
    await utimes(main, later, later);
    const started = await serveCli(["start", "project", "--port", "0", "--no-open"], work, bin);
    if ("serving" in started) {
      await started.serving.stop();
      throw new Error("start served a UI older than its sources");
    }
    const { code, stdout, stderr } = started.exited;
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("lakebook: the workbench UI is older than renderer/src/main.tsx; building it");
    expect(stderr.trimEnd().split("\n").at(-1)).toBe(
      "lakebook: Building the workbench UI failed (Vite's errors are above): fix them, then run `npm run build:ui`.",
    );
  });
});
