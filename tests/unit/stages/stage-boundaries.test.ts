import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * A stage folder never imports another stage folder (pipeline/stages/README.md): what two stages
 * share lives below them, in engine, catalog or lake. The files at the top of pipeline/stages/
 * (stage.ts, registry.ts, cell-settings.ts) are shared and fine.
 */
const STAGES = path.resolve(__dirname, "../../../pipeline/stages");
const IMPORT = /(?:from|import)\s*\(?\s*"(\.[^"]+)"/g;

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("stage folders", () => {
  it("never import a sibling stage folder", async () => {
    const folders = (await readdir(STAGES, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders).toContain("sql");
    const crossings: string[] = [];
    for (const stage of folders) {
      for (const file of await sourceFiles(path.join(STAGES, stage))) {
        for (const match of (await readFile(file, "utf8")).matchAll(IMPORT)) {
          const target = path.relative(STAGES, path.resolve(path.dirname(file), match[1] ?? ""));
          const top = target.split(path.sep)[0] ?? "";
          if (top !== stage && folders.includes(top)) {
            crossings.push(`${path.relative(STAGES, file)} imports ${match[1]}`);
          }
        }
      }
    }
    expect(crossings).toEqual([]);
  });
});
