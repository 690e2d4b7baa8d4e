import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isTempFile, writeAtomically, writeFileAtomic } from "../../../pipeline/lake";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-atomic-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writeFileAtomic", () => {
  it("creates and replaces a file, leaving nothing else beside it", async () => {
    const file = path.join(dir, "table.json");
    await writeFileAtomic(file, "first\n");
    await writeFileAtomic(file, new TextEncoder().encode("second\n"), { fsync: false });
    expect(await readFile(file, "utf8")).toBe("second\n");
    expect(await readdir(dir)).toEqual(["table.json"]);
  });

  it("keeps the old file and removes the temp file when the rename fails", async () => {
    const file = path.join(dir, "taken");
    await mkdir(path.join(file, "inside"), { recursive: true });
    await expect(writeFileAtomic(file, "x")).rejects.toThrow();
    expect(await readdir(dir)).toEqual(["taken"]);
  });

  it("fails without creating the folder it is asked to write in", async () => {
    await expect(writeFileAtomic(path.join(dir, "missing", "x.json"), "x")).rejects.toMatchObject({
      code: "ENOENT",
    });
  });
});

describe("writeAtomically", () => {
  it("puts the temp file beside the target, dot-prefixed, unless given a temp folder", async () => {
    const file = path.join(dir, "movies.csv");
    const seen: string[] = [];
    await writeAtomically(file, async (temp) => {
      seen.push(temp);
      await writeFile(temp, "a|b\n");
    });
    const tempFolder = path.join(dir, ".tmp-folder");
    await mkdir(tempFolder);
    await writeAtomically(
      file,
      async (temp) => {
        seen.push(temp);
        await writeFile(temp, "c|d\n");
      },
      { tempFolder },
    );
    expect(path.dirname(seen[0] ?? "")).toBe(dir);
    expect(isTempFile(path.basename(seen[0] ?? ""))).toBe(true);
    expect(path.basename(seen[0] ?? "")).toMatch(/^\.movies\.csv\.\d+-[0-9a-f]{12}\.tmp$/);
    expect(path.dirname(seen[1] ?? "")).toBe(tempFolder);
    expect(await readFile(file, "utf8")).toBe("c|d\n");
    expect(await readdir(tempFolder)).toEqual([]);
  });

  it("removes what the writer left when it fails, and keeps the previous file", async () => {
    const file = path.join(dir, "movies.csv");
    await writeFile(file, "old\n");
    await expect(
      writeAtomically(file, async (temp) => {
        await writeFile(temp, "half");
        throw new Error("row 2 is short");
      }),
    ).rejects.toThrow("row 2 is short");
    expect(await readdir(dir)).toEqual(["movies.csv"]);
    expect(await readFile(file, "utf8")).toBe("old\n");
  });

  it("hands the finished temp file to a caller's replace, and returns what the writer returned", async () => {
    const file = path.join(dir, "out.txt");
    const replaced: string[] = [];
    const result = await writeAtomically(
      file,
      async (temp) => {
        await writeFile(temp, "x");
        return 1;
      },
      {
        replace: async (temp, target) => {
          replaced.push(target);
          await writeFile(target, await readFile(temp));
        },
      },
    );
    expect(result).toBe(1);
    expect(replaced).toEqual([file]);
    // The temp file was copied, not renamed: it is still removed.
    expect(await readdir(dir)).toEqual(["out.txt"]);
  });
});
