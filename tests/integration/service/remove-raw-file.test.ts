import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDispatcher, createRouter, openWorkspace, type Workspace } from "../../../pipeline/service";

/** RAW stays append-only but for one exact file ingested by mistake; its table follows. */
let dir: string;
let workspace: Workspace;
const day = "Raw/Local/CSV/Movies/2026/11/25/";

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-remove-"));
  const notebook = path.join(dir, "n.lakebook.md");
  await writeFile(notebook, "---\nlakebook: 1\ntitle: Remove\n---\n");
  workspace = await openWorkspace({ notebookPath: notebook });
  await mkdir(path.join(workspace.lakeRoot, day), { recursive: true });
  await mkdir(path.join(workspace.lakeRoot, "Trusted/Local/Parquet/movies"), { recursive: true });
  for (const name of ["movies.csv", "movies-extra.csv"]) {
    await writeFile(path.join(workspace.lakeRoot, day, name), "id|tituloPincipal\ntt1|Alien\n");
  }
  await writeFile(path.join(workspace.lakeRoot, "Trusted/Local/Parquet/movies/part-0.parquet"), "x");
  await workspace.catalog.put({
    database: "raw",
    name: "movies",
    zone: "raw",
    location: day,
    format: "csv",
    columns: [{ name: "id", type: "VARCHAR" }],
    rows: null,
    producedBy: { cell: "ingest_movies", inputs: ["data/movies.csv"] },
  });
});
afterEach(async () => {
  await workspace.close();
  await rm(dir, { recursive: true, force: true });
});

describe("lake.removeRawFile", () => {
  it("removes the one file named, keeps the table while its folder has files, drops it with the last", async () => {
    const dispatcher = createDispatcher(createRouter(workspace));
    const first = await dispatcher.call("lake.removeRawFile", { key: `${day}movies-extra.csv` });
    expect(first).toEqual({
      ok: true,
      result: { removed: `${day}movies-extra.csv`, tables: [{ table: "raw.movies", action: "kept" }] },
    });
    expect(await workspace.store.head(`${day}movies-extra.csv`)).toBeUndefined();
    expect(await workspace.store.head(`${day}movies.csv`)).toBeDefined();
    const last = await dispatcher.call("lake.removeRawFile", { key: `${day}movies.csv` });
    expect(last).toMatchObject({
      ok: true,
      result: { tables: [{ table: "raw.movies", action: "removed" }] },
    });
    expect(await workspace.catalog.get("raw", "movies")).toBeUndefined();
  });

  it("refuses anything that is not a single RAW file: a folder, a prefix, another zone, a path trick, a missing file", async () => {
    const dispatcher = createDispatcher(createRouter(workspace));
    const refused = async (key: string) => {
      const reply = await dispatcher.call("lake.removeRawFile", { key });
      return reply.ok ? "removed" : reply.error.code;
    };
    expect(await refused(day)).toBe("LAKE_KEY_INVALID");
    expect(await refused("Raw/Local/CSV/Movies/2026/11/25")).toBe("RAW_REMOVE_REFUSED");
    expect(await refused("Raw/Local/CSV/Movies")).toBe("RAW_REMOVE_REFUSED");
    expect(await refused("Trusted/Local/Parquet/movies/part-0.parquet")).toBe("RAW_REMOVE_REFUSED");
    expect(await refused(`${day}../../../../../Trusted/Local/Parquet/movies/part-0.parquet`)).toBe(
      "LAKE_KEY_INVALID",
    );
    expect(await refused(`${day}nope.csv`)).toBe("RAW_FILE_MISSING");
    expect(await workspace.store.head("Trusted/Local/Parquet/movies/part-0.parquet")).toBeDefined();
    expect(await workspace.store.head(`${day}movies.csv`)).toBeDefined();
  });
});
