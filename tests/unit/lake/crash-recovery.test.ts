import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recoverAfterCrash } from "../../../pipeline/lake";

/**
 * The states a killed swap or write leaves, made by hand with a process id that is gone, and what
 * the next start makes of them. (tests/integration/reliability/crash.test.ts kills real runs.)
 */
let lake: string;
let notebookFolder: string;
let temp: string;
const deadPid = spawnSync(process.execPath, ["-e", ""]).pid as number;

beforeEach(async () => {
  notebookFolder = await mkdtemp(path.join(tmpdir(), "lakebook-recovery-"));
  lake = path.join(notebookFolder, ".lake");
  temp = path.join(lake, ".lakebook-tmp");
  await mkdir(temp, { recursive: true });
});
afterEach(async () => {
  await rm(notebookFolder, { recursive: true, force: true });
});

const recover = () =>
  recoverAfterCrash({ lakeRoot: lake, besideTargets: [{ folder: notebookFolder, recursive: false }] });

async function put(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

const TABLE = "Refined/dim_title";
const staged = `transform-${deadPid}-5f1c`;

async function intent(body: object): Promise<void> {
  await writeFile(path.join(temp, `${staged}.swap.json`), JSON.stringify(body));
}

describe("recovering an interrupted overwrite", () => {
  it("between the two renames: the old table goes back under its name", async () => {
    await put(path.join(temp, `${staged}-old`, "part-00000.parquet"), "old");
    await put(path.join(temp, staged, "part-00000.parquet"), "new");
    await intent({ mode: "overwrite", table: TABLE, staged, old: `${staged}-old` });
    expect(await recover()).toMatchObject({ tables: [TABLE] });
    expect(await readFile(path.join(lake, TABLE, "part-00000.parquet"), "utf8")).toBe("old");
    expect(await readdir(temp)).toEqual([]);
  });

  it("before the first rename: the old table stays, the staging folder goes", async () => {
    await put(path.join(lake, TABLE, "part-00000.parquet"), "old");
    await put(path.join(temp, staged, "part-00000.parquet"), "new");
    await intent({ mode: "overwrite", table: TABLE, staged, old: `${staged}-old` });
    await recover();
    expect(await readFile(path.join(lake, TABLE, "part-00000.parquet"), "utf8")).toBe("old");
    expect(await readdir(temp)).toEqual([]);
  });

  it("after the swap: the new table stays, the old one's files go", async () => {
    await put(path.join(lake, TABLE, "part-00000.parquet"), "new");
    await put(path.join(temp, `${staged}-old`, "part-00000.parquet"), "old");
    await intent({ mode: "overwrite", table: TABLE, staged, old: `${staged}-old` });
    await recover();
    expect(await readFile(path.join(lake, TABLE, "part-00000.parquet"), "utf8")).toBe("new");
    expect(await readdir(temp)).toEqual([]);
  });

  it("an append cut short is taken out again", async () => {
    await put(path.join(lake, TABLE, "part-0.parquet"), "before");
    await put(path.join(lake, TABLE, "run-1-part-0.parquet"), "moved");
    await put(path.join(temp, staged, "part-1.parquet"), "not yet moved");
    await intent({
      mode: "append",
      table: TABLE,
      staged,
      moved: [`${TABLE}/run-1-part-0.parquet`, `${TABLE}/run-1-part-1.parquet`],
    });
    await recover();
    expect(await readdir(path.join(lake, TABLE))).toEqual(["part-0.parquet"]);
    expect(await readdir(temp)).toEqual([]);
  });

  it("an intent naming paths outside the lake is ignored", async () => {
    await put(path.join(notebookFolder, "keep", "file"), "user's");
    await intent({ mode: "append", table: "../keep", staged, moved: ["../keep/file"] });
    await recover();
    expect(await readFile(path.join(notebookFolder, "keep", "file"), "utf8")).toBe("user's");
  });
});

describe("removing leftovers", () => {
  it("removes temp files of a process that is gone, keeps a live one's and the user's files", async () => {
    const names = [
      `.nb.lakebook.md.${deadPid}-0123456789ab.tmp`,
      `.movies.csv.${process.pid}-0123456789ab.tmp`,
      ".my-notes.tmp",
      "notes.md",
    ];
    for (const name of names) await put(path.join(notebookFolder, name), "x");
    await put(path.join(temp, `${deadPid}-1b2c`), "half an object");
    await put(path.join(temp, `${process.pid}-3d4e`), "being written");
    await recover();
    expect((await readdir(notebookFolder)).sort()).toEqual(names.slice(1).concat(".lake").sort());
    expect(await readdir(temp)).toEqual([`${process.pid}-3d4e`]);
  });

  it("an upload's temp file without a process id goes once it is an hour old", async () => {
    const fresh = path.join(notebookFolder, ".movies.csv.0123456789ab.uploading");
    const stale = path.join(notebookFolder, ".series.csv.0123456789ab.uploading");
    await put(fresh, "x");
    await put(stale, "x");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    await recover();
    const left = await readdir(notebookFolder);
    expect(left).toContain(path.basename(fresh));
    expect(left).not.toContain(path.basename(stale));
  });
});

describe("a swap whose catalog update never ran", () => {
  const followUp = { catalogTable: { database: "refined", name: "dim_title" } };

  it("swapped: its follow-up comes back and its intent stays until settled", async () => {
    await put(path.join(lake, TABLE, "part-00000.parquet"), "new");
    await intent({ mode: "swapped", table: TABLE, followUp });
    const recovery = await recover();
    expect(recovery.followUps).toMatchObject([{ table: TABLE, followUp }]);
    expect(await readdir(temp)).toEqual([`${staged}.swap.json`]);
    await recovery.followUps[0]?.settle();
    expect(await readdir(temp)).toEqual([]);
    expect((await recover()).followUps).toEqual([]);
  });

  it("killed after the second rename: the new table stays and its follow-up comes back", async () => {
    await put(path.join(lake, TABLE, "part-00000.parquet"), "new");
    await put(path.join(temp, `${staged}-old`, "part-00000.parquet"), "old");
    await intent({ mode: "overwrite", table: TABLE, staged, old: `${staged}-old`, followUp });
    const recovery = await recover();
    expect(recovery.followUps).toMatchObject([{ table: TABLE, followUp }]);
    expect(await readdir(temp)).toEqual([`${staged}.swap.json`]); // now marked swapped
    expect((await recover()).followUps).toMatchObject([{ table: TABLE, followUp }]);
  });

  it("killed before the swap, or mid-append: no follow-up, the old table's entry still fits", async () => {
    await put(path.join(lake, TABLE, "part-00000.parquet"), "old");
    await put(path.join(temp, staged, "part-00000.parquet"), "new");
    await intent({ mode: "overwrite", table: TABLE, staged, old: `${staged}-old`, followUp });
    expect((await recover()).followUps).toEqual([]);
    await put(path.join(lake, TABLE, "run-1-part-0.parquet"), "moved");
    await intent({
      mode: "append",
      table: TABLE,
      staged,
      moved: [`${TABLE}/run-1-part-0.parquet`],
      followUp,
    });
    expect((await recover()).followUps).toEqual([]);
    expect(await readdir(temp)).toEqual([]);
  });
});
