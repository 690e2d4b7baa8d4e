import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { buildDesktop } from "../../../electron/build/build-desktop";

describe("the desktop bundles", () => {
  it("build; the sandboxed preload requires nothing but electron", async () => {
    const built = await buildDesktop();
    const preload = await readFile(built.preload, "utf8");
    expect([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1])).toEqual([
      "electron",
    ]);
    expect(preload).not.toContain("zod");
  });

  it("give every pipeline module its own source URL, leaving string literals alone", async () => {
    const main = await readFile((await buildDesktop()).main, "utf8");
    expect(main).toContain('__lakebookSourceUrl("pipeline/aws/glue/run-glue-transform.ts")');
    expect(main).toContain('__lakebookSourceUrl("electron/main.ts")');
    // The TMDB Lambda's bundle banner is text that must keep its own import.meta.url.
    expect(main).toContain("__lakebookRequire(import.meta.url);'");
    const stray = main.split("\n").filter((line) => line.includes("import.meta") && !line.includes("'"));
    expect(stray).toEqual([]);
  });
});
