import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ChildResult, crashChild, filesBelow, type RunChild } from "./crash-harness";

/**
 * Lakebook killed with SIGKILL at named moments (pipeline/lake/crash-point.ts) — no cleanup code
 * runs — then started again. Each test walks one demo project forward, so they run in order.
 */
// Each step is a fresh Node process loading the whole pipeline: slow on a busy machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

let dir: string;
let child: RunChild;
let notebook: string;
let lake: string;

const killed = (result: ChildResult) => expect(result.signal, result.stderr).toBe("SIGKILL");
const ok = (result: ChildResult) => expect(result.code, result.stderr).toBe(0);
const run = (cell: string, crashAt?: string) =>
  child(["cli", "run", notebook, "--cell", cell, "--json"], dir, crashAt);
/** Any command that opens the workspace is "the next start". */
const start = () => child(["cli", "catalog", "--notebook", notebook, "--json"], dir);
const query = async (sql: string) => {
  const result = await child(["cli", "query", sql, "--notebook", notebook, "--json"], dir);
  ok(result);
  return JSON.parse(result.stdout).rows as Record<string, unknown>[];
};
const lakeTemp = () => readdir(path.join(lake, ".lakebook-tmp")).catch(() => [] as string[]);
const tempFilesBeside = async (folder: string) =>
  (await readdir(folder)).filter((name) => /\.\d+-[0-9a-f]{12}\.tmp$/.test(name));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-crash-"));
  child = await crashChild(dir);
  ok(await child(["cli", "demo", "demo"], dir));
  notebook = path.join(dir, "demo", "horror-subgenres.lakebook.md");
  lake = path.join(dir, "demo", ".lake");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("killed while saving the notebook", () => {
  it("leaves the old notebook whole; the next start removes the temp file; a new save lands", async () => {
    const before = await readFile(notebook, "utf8");
    killed(await child(["save", notebook, "Renamed"], dir, "atomic-write.before-rename"));
    expect(await readFile(notebook, "utf8")).toBe(before);
    expect(await tempFilesBeside(path.dirname(notebook))).toHaveLength(1);

    ok(await start());
    expect(await tempFilesBeside(path.dirname(notebook))).toEqual([]);
    ok(await child(["save", notebook, "Renamed"], dir));
    expect(await readFile(notebook, "utf8")).toContain("title: Renamed");
  });
});

describe("killed during an ingest", () => {
  it("shows no partial object under its final key; the next start cleans up; a rerun stores the file byte for byte", async () => {
    killed(await run("ingest_movies", "local-store.mid-write"));
    expect((await filesBelow(path.join(lake, "Raw"))).filter((f) => f.endsWith(".csv"))).toEqual([]);
    expect(await lakeTemp()).not.toEqual([]);

    ok(await start());
    expect(await lakeTemp()).toEqual([]);
    ok(await run("ingest_movies"));
    ok(await run("ingest_series"));
    const [stored] = (await filesBelow(path.join(lake, "Raw/Local/CSV/Movies"))).filter((f) =>
      f.endsWith(".csv"),
    );
    expect(await readFile(path.join(lake, "Raw/Local/CSV/Movies", stored ?? ""))).toEqual(
      await readFile(path.join(dir, "demo", "data", "movies.csv")),
    );
  });
});

describe("killed during a TMDB fetch (the offline sample)", () => {
  it("leaves only whole JSON files; a rerun resumes from its checkpoint and completes", async () => {
    // The second object put: one RAW JSON file is written, the next one dies half-streamed.
    killed(await run("tmdb_enrich", "local-store.mid-write#2"));
    const tmdb = path.join(lake, "Raw/TMDB/JSON");
    const partial = await filesBelow(tmdb);
    for (const file of partial) wholeTmdbFile(await readFile(path.join(tmdb, file), "utf8"));

    ok(await start());
    expect(await lakeTemp()).toEqual([]);
    const rerun = await run("tmdb_enrich");
    ok(rerun);
    // It resumes: the first progress of the fetch (after the plan said before it starts) already
    // counts the titles of the file flushed before the kill.
    const resumedAt = Number(/^\s+(\d+) of \d+ titles \(\d+%\) · \d+ found/m.exec(rerun.stderr)?.[1]);
    expect(resumedAt).toBeGreaterThanOrEqual(100);
    const files = await filesBelow(tmdb);
    expect(files.length).toBeGreaterThan(partial.length);
    for (const file of files) wholeTmdbFile(await readFile(path.join(tmdb, file), "utf8"));
  });
});

/** A whole RAW TMDB file: one `{"kind", "records"}` object on one line, nothing cut off. */
function wholeTmdbFile(text: string): void {
  expect(text.endsWith("\n")).toBe(true);
  const { kind, records } = JSON.parse(text);
  expect(["movies", "series"]).toContain(kind);
  expect(records.length).toBeGreaterThan(0);
}

describe("killed during a transform", () => {
  const table = () => path.join(lake, "Trusted/Local/Parquet/movies");
  const count = async () => (await query("SELECT count(*) AS n FROM trusted.movies"))[0]?.n;

  it("writes the first version of the table", async () => {
    ok(await run("trusted_movies"));
    expect(Number(await count())).toBeGreaterThan(0);
  });

  let rows: unknown;
  it("killed after writing the output, before the swap: the previous table is untouched and readable", async () => {
    const before = await filesBelow(table());
    rows = await count();
    killed(await run("trusted_movies", "folder-swap.before-swap"));
    expect(await filesBelow(table())).toEqual(before);
    expect(await count()).toBe(rows); // this start also cleaned the staging folder
    expect(await lakeTemp()).toEqual([]);
  });

  it("killed between the swap's two renames: the next start puts the previous table back", async () => {
    const before = await filesBelow(table());
    killed(await run("trusted_movies", "folder-swap.between-renames"));
    expect(await filesBelow(table())).toEqual([]); // the moment the recovery is for
    expect(await count()).toBe(rows); // the query's start puts it back
    expect(await filesBelow(table())).toEqual(before);
    expect(await lakeTemp()).toEqual([]);
  });

  it("killed just after the swap: the new table stays and the old one's files are removed", async () => {
    killed(await run("trusted_movies", "folder-swap.after-swap"));
    expect(await count()).toBe(rows);
    expect(await lakeTemp()).toEqual([]);
  });

  it("killed after the swap, before the catalog update: the next start brings the catalog in line", async () => {
    // A changed query, so the new files say something the old catalog entry does not.
    const text = await readFile(notebook, "utf8");
    const cell = text.indexOf("{#trusted_movies}");
    const end = text.indexOf("FROM raw_movies", cell);
    await writeFile(notebook, `${text.slice(0, end)}  , 1 AS catalog_probe\n${text.slice(end)}`);
    const entry = async () =>
      JSON.parse(await readFile(path.join(lake, "_catalog/trusted/movies.json"), "utf8")) as {
        columns: { name: string }[];
        rows: number;
      };
    const columns = async () => (await entry()).columns.map((column) => column.name);
    expect(await columns()).not.toContain("catalog_probe");

    killed(await run("trusted_movies", "folder-swap.swapped"));
    expect(await columns()).not.toContain("catalog_probe"); // the moment the recovery is for
    ok(await start());
    expect(await columns()).toContain("catalog_probe");
    expect((await entry()).rows).toBe(Number(rows));
    expect(await query("SELECT min(catalog_probe) AS p FROM trusted.movies")).toEqual([{ p: 1 }]);
    expect(await lakeTemp()).toEqual([]);
  });

  it("a rerun after all that completes", async () => {
    const rerun = await run("trusted_movies");
    ok(rerun);
    expect(JSON.parse(rerun.stdout).cells[0].status).toBe("ok");
    expect(await lakeTemp()).toEqual([]);
  });
});

describe("what the next start never touches", () => {
  it("a user's own dot files and a temp file of a live process stay", async () => {
    const folder = path.dirname(notebook);
    await copyFile(notebook, path.join(folder, ".my-notes.md"));
    await copyFile(
      notebook,
      path.join(folder, `.horror-subgenres.lakebook.md.${process.pid}-0123456789ab.tmp`),
    );
    ok(await start());
    const names = await readdir(folder);
    expect(names).toContain(".my-notes.md");
    expect(names).toContain(`.horror-subgenres.lakebook.md.${process.pid}-0123456789ab.tmp`);
  });
});
