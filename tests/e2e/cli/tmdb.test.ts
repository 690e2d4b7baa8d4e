import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDemoProject } from "../../helpers/demo-lake";
import { lakebook, lakebookInOneProcess } from "./run-cli";

let dir: string;
let notebook: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-tmdb-"));
  // What `lakebook demo demo` writes, copied (another test process may be writing it: it may take a while).
  await copyDemoProject(path.join(dir, "demo"));
  notebook = path.join(dir, "demo", "horror-subgenres.lakebook.md");
  const ingests = await lakebookInOneProcess(
    ["ingest_movies", "ingest_series"].map((cell) => ["run", notebook, "--cell", cell]),
    dir,
  );
  expect(ingests.map((result) => result.code)).toEqual([0, 0]);
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function runTmdb() {
  const result = await lakebook(["run", notebook, "--cell", "tmdb_enrich", "--json"], dir);
  expect(result.code, result.stderr).toBe(0);
  const cell = JSON.parse(result.stdout).cells[0] as { status: string; summary: string };
  return { ...cell, stderr: result.stderr };
}

describe("the TMDB cell without credentials (the offline sample)", () => {
  it("writes RAW JSON files of at most 100 records, movies and series apart, each keyed by imdb_id", async () => {
    const cell = await runTmdb();
    expect(cell.summary).toMatch(/^offline sample: (\d+) titles — \1 found, 0 not found, 0 failed/);
    const lake = path.join(dir, "demo", ".lake");
    const [dateFolder] = await findJsonFolders(path.join(lake, "Raw", "TMDB", "JSON"));
    expect(dateFolder).toMatch(/Raw\/TMDB\/JSON\/\d{4}\/\d{2}\/\d{2}$/);
    const files = (await readdir(dateFolder ?? "")).sort();
    // The report on stderr (stdout holds the JSON): the source, then every file written.
    expect(cell.stderr).toContain(
      "Source: the offline sample (no TMDB_READ_ACCESS_TOKEN or TMDB_API_KEY set), built from the demo data.",
    );
    const listed = /Files \((\d+)\):\n((?: {8}\S+\n)+)/.exec(cell.stderr);
    const keys = listed?.[2]?.trim().split(/\s+/) ?? [];
    expect(keys).toHaveLength(Number(listed?.[1]));
    expect(keys.map((key) => path.posix.basename(key)).sort()).toEqual(files);
    expect(keys.every((key) => key.startsWith(path.relative(lake, dateFolder ?? "")))).toBe(true);
    expect(files.some((f) => /-movies-0001\.json$/.test(f))).toBe(true);
    expect(files.some((f) => /-series-0001\.json$/.test(f))).toBe(true);
    for (const file of files) {
      // One JSON object on one line, as Athena's JSON SerDes read it: {"kind", "records": [...]}.
      const text = await readFile(path.join(dateFolder ?? "", file), "utf8");
      expect(text.trimEnd()).not.toContain("\n");
      const { kind, records } = JSON.parse(text);
      expect(kind).toBe(file.includes("-series-") ? "series" : "movies");
      expect(records.length).toBeLessThanOrEqual(100);
      for (const record of records) {
        expect(record.imdb_id).toMatch(/^tt\d+$/);
        expect(typeof record.id).toBe("number");
      }
    }
  });

  it("registers raw.tmdb and shows the Athena query, which the local lake answers with the records written", async () => {
    const cell = await runTmdb();
    const shown = /Query on Athena \(raw\.tmdb, one row per file\):\n((?: {8}.*\n?)+)/.exec(cell.stderr);
    const sql = (shown?.[1] ?? "")
      .split("\n")
      .map((line) => line.slice(8))
      .join("\n")
      .trim();
    expect(sql).toMatch(
      /^SELECT .*\nFROM raw\.tmdb\nCROSS JOIN UNNEST\(records\) AS t\(r\)\nWHERE dt = '\d{4}\/\d{2}\/\d{2}'/,
    );
    const lake = path.join(dir, "demo", ".lake");
    const [dateFolder] = await findJsonFolders(path.join(lake, "Raw", "TMDB", "JSON"));
    const written: { imdb_id: string; title?: string; name?: string }[] = [];
    for (const file of await readdir(dateFolder ?? "")) {
      written.push(...JSON.parse(await readFile(path.join(dateFolder ?? "", file), "utf8")).records);
    }
    const first = written.sort((a, b) => a.imdb_id.localeCompare(b.imdb_id)).slice(0, 20);
    const result = await lakebook(["query", sql, "--notebook", notebook, "--json"], dir);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout).rows as { imdb_id: string; title: string }[];
    expect(rows.map((row) => [row.imdb_id, row.title])).toEqual(
      first.map((record) => [record.imdb_id, record.title ?? record.name]),
    );
  });

  it("reruns for free: nothing new fetched or written", async () => {
    const lake = path.join(dir, "demo", ".lake");
    const [dateFolder] = await findJsonFolders(path.join(lake, "Raw", "TMDB", "JSON"));
    const before = (await readdir(dateFolder ?? "")).sort();
    const cell = await runTmdb();
    expect(cell.status).toBe("ok");
    expect(cell.stderr).toContain("Requests: 0, retries: 0, from cache: 0.");
    expect((await readdir(dateFolder ?? "")).sort()).toEqual(before);
  });
});

async function findJsonFolders(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string) => {
    const entries = await readdir(folder, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name.endsWith(".json"))) found.push(folder);
    for (const entry of entries) if (entry.isDirectory()) await walk(path.join(folder, entry.name));
  };
  await walk(root);
  return found;
}
