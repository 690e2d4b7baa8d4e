import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAKEBOOK, lakebook, lakebookInOneProcess } from "./run-cli";

let dir: string;
let notebook: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-cli-"));
  notebook = path.join(dir, "demo", "horror-subgenres.lakebook.md");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("lakebook demo → run → query → catalog → serve", () => {
  it("writes the demo project", async () => {
    const result = await lakebook(["demo", "demo"], dir);
    expect(result.code).toBe(0);
    const movies = await readFile(path.join(dir, "demo", "data", "movies.csv"), "utf8");
    expect(movies.split("\n", 1)[0]).toBe(
      "id|tituloPincipal|tituloOriginal|anoLancamento|tempoMinutos|genero|notaMedia|numeroVotos|generoArtista|personagem|nomeArtista|anoNascimento|anoFalecimento|profissao|titulosMaisConhecidos",
    );
    const series = await readFile(path.join(dir, "demo", "data", "series.csv"), "utf8");
    expect(series.split("\n", 1)[0]).toContain("|anoLancamento|anoTermino|");
    expect(await readFile(notebook, "utf8")).toMatch(/^---\nlakebook: 1\n/);
  });

  it("keeps an existing demo notebook", async () => {
    await writeFile(notebook, `${await readFile(notebook, "utf8")}\n`);
    const before = await readFile(notebook, "utf8");
    expect((await lakebook(["demo", "demo"], dir)).code).toBe(0);
    expect(await readFile(notebook, "utf8")).toBe(before);
    expect((await lakebook(["demo", "demo", "--force"], dir)).code).toBe(0);
  });

  it("runs the whole demo headless, from the CSVs to the publish plan, and exits 0", async () => {
    const before = await readFile(notebook, "utf8");
    const result = await lakebook(["run", notebook, "--json"], dir);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: true, notebook });
    expect(report.cells.filter((cell: { status: string }) => cell.status !== "ok")).toEqual([]);
    const byId = Object.fromEntries(report.cells.map((cell: { id: string }) => [cell.id, cell]));
    expect(byId.intro).toMatchObject({ kind: "markdown", status: "ok" });
    expect(byId.ingest_movies).toMatchObject({ kind: "ingest", status: "ok" });
    expect(byId.ingest_series).toMatchObject({ kind: "ingest", status: "ok" });
    expect(byId.horror_by_decade).toMatchObject({ kind: "sql", status: "ok" });
    // No TMDB credentials in the test environment: the offline sample answers.
    expect(byId.tmdb_enrich).toMatchObject({ kind: "tmdb", status: "ok" });
    expect(byId.tmdb_enrich.summary).toMatch(/^offline sample: \d+ titles — \d+ found/);
    for (const id of [
      "trusted_movies",
      "trusted_tmdb_movies",
      "dim_title",
      "bridge_title_subgenre",
      "fact_title_rating",
    ]) {
      expect(byId[id]).toMatchObject({ kind: "transform", status: "ok" });
    }
    expect(byId.trusted_tmdb_movies.summary).toMatch(
      /^trusted\.tmdb_movies: \d+ rows × 13 columns, partitioned by dt$/,
    );
    expect(byId.model_checks).toMatchObject({ kind: "check", status: "ok" });
    expect(byId.rating_by_subgenre).toMatchObject({ kind: "chart", status: "ok" });
    expect(byId.rating_by_subgenre.summary).toMatch(/aggregated in the engine|sent to the chart/);
    // On the local target the publish cell sends nothing: it reports the plan.
    expect(byId.quicksight).toMatchObject({ kind: "publish", status: "ok" });
    expect(byId.quicksight.summary).toMatch(/^Plan: 4 visuals, 4 datasets/);
    for (const cell of report.cells) {
      expect(Object.keys(cell).sort()).toEqual(
        cell.status === "error"
          ? ["error", "id", "kind", "ms", "status", "summary"]
          : ["id", "kind", "ms", "status", "summary"],
      );
    }
    expect(result.stderr).toContain("ingest_movies");
    // Run state goes beside the notebook, never into it.
    expect(await readFile(notebook, "utf8")).toBe(before);
    expect(await readFile(path.join(dir, "demo", ".lakebook", ".gitignore"), "utf8")).toBe("*\n");
    await stat(path.join(dir, "demo", ".lakebook", "horror-subgenres", "last-run.json"));
    await stat(path.join(dir, "demo", ".lake"));
  });

  it("runs a notebook whose cells are all built and exits 0", async () => {
    const file = path.join(dir, "numbers.lakebook.md");
    await writeFile(
      file,
      "---\nlakebook: 1\ntitle: Numbers\n---\n\n<!-- #intro -->\nNumbers.\n\n```sql {#make}\nCREATE TABLE IF NOT EXISTS t AS SELECT 1 AS x\n```\n\n```sql {#count}\nSELECT count(*) AS n FROM range(10)\n```\n",
    );
    const result = await lakebook(["run", file, "--json"], dir);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(true);
    expect(report.cells.map((c: { status: string }) => c.status)).toEqual(["ok", "ok", "ok"]);
    expect(report.cells[2].summary).toBe("1 rows × 1 columns");
    const one = await lakebook(["run", file, "--cell", "count", "--json"], dir);
    expect(JSON.parse(one.stdout).cells.map((c: { id: string }) => c.id)).toEqual(["count"]);
  });

  it("queries the lake as JSON and CSV", async () => {
    // Three small queries in one process: a start of the CLI costs more than each of them.
    const [json, csv, table] = await lakebookInOneProcess(
      [
        ["query", "SELECT 1::INTEGER AS x, 'a|b' AS s, NULL AS z", "--lake", "lake", "--json"],
        ["query", "SELECT range AS n FROM range(5)", "--lake", "lake", "--csv", "--limit", "3"],
        ["query", "SELECT range AS n FROM range(500)", "--notebook", notebook],
      ],
      dir,
    );
    if (!json || !csv || !table) throw new Error("three queries, three answers");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      columns: [
        { name: "x", type: "INTEGER" },
        { name: "s", type: "VARCHAR" },
        { name: "z", type: "INTEGER" },
      ],
      rows: [{ x: 1, s: "a|b", z: null }],
    });
    expect(csv.stdout).toBe("n\r\n0\r\n1\r\n2\r\n");
    expect(table.stdout).toContain("500 rows (450 not shown");
  });

  it("lists the catalog, with tables addressable as database.table", async () => {
    const lake = path.join(dir, "lake");
    const location = "Trusted/Local/Parquet/numbers/";
    await mkdir(path.join(lake, location), { recursive: true });
    const [empty] = await lakebookInOneProcess(
      [
        ["catalog", "--lake", "lake", "--json"],
        [
          "query",
          `COPY (SELECT range AS n FROM range(3)) TO '${lake}/${location}part-0.parquet' (FORMAT parquet)`,
          "--lake",
          "lake",
        ],
      ],
      dir,
    );
    expect(JSON.parse(empty?.stdout ?? "")).toEqual({ tables: [] });
    const table = {
      database: "trusted",
      name: "numbers",
      zone: "trusted",
      location,
      format: "parquet",
      columns: [{ name: "n", type: "BIGINT" }],
      rows: 3,
      producedBy: { cell: "make_numbers", inputs: [] },
    };
    const { LocalCatalog } = await import("../../../pipeline/catalog");
    await new LocalCatalog(lake).put(table as never);
    const [catalog, query] = await lakebookInOneProcess(
      [
        ["catalog", "--lake", "lake", "--json"],
        ["query", "SELECT sum(n) AS total FROM trusted.numbers", "--lake", "lake", "--json"],
      ],
      dir,
    );
    expect(JSON.parse(catalog?.stdout ?? "").tables).toEqual([expect.objectContaining(table)]);
    expect(JSON.parse(query?.stdout ?? "").rows).toEqual([{ total: 3 }]);
  });

  it("serves with a token: 401 without it, 200 with it", async () => {
    const child = spawn(process.execPath, [LAKEBOOK, "serve", notebook, "--no-open"], { cwd: dir });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk) => {
          out += chunk;
          if (out.includes("\n")) resolve(out.split("\n")[0] ?? "");
        });
        child.on("exit", (code) => reject(new Error(`serve exited ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/);
      const withoutToken = await fetch(url.replace(/\?token=.*/, ""));
      expect(withoutToken.status).toBe(401);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      // The built UI (or, without a build, the plain page) — either way Lakebook's own page.
      expect(await page.text()).toContain("Lakebook");
      const token = new URL(url).searchParams.get("token");
      const info = await fetch(new URL("/rpc/service.info", url), {
        method: "POST",
        headers: { Authorization: `Bearer ${token}` },
        body: "{}",
      });
      expect((await info.json()).result.notebookPath).toBe(notebook);
    } finally {
      child.kill("SIGTERM");
    }
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
  });
});

describe("bad input gets one clear line and a non-zero exit", () => {
  it("names file:line:col for a notebook that does not parse, and leaves it untouched", async () => {
    const file = path.join(dir, "broken.lakebook.md");
    const text = "---\nlakebook: 1\ntitle: Broken\n---\n\n```sql {#q}\nSELECT 1\n";
    await writeFile(file, text);
    const result = await lakebook(["run", file], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:6:1`);
    expect(await readFile(file, "utf8")).toBe(text);
  });

  it("exits 2 on an unknown flag or command", async () => {
    const [flag, command, noNotebook, badLimit] = await lakebookInOneProcess(
      [["run", notebook, "--fast"], ["explode"], ["run"], ["query", "SELECT 1", "--limit", "zero"]],
      dir,
    );
    if (!flag) throw new Error("no answer");
    expect(flag.code).toBe(2);
    expect(flag.stderr.trim().split("\n")).toHaveLength(1);
    expect(flag.stderr).toContain("unknown option --fast");
    expect(command?.code).toBe(2);
    expect(noNotebook?.code).toBe(2);
    expect(badLimit?.code).toBe(2);
  });

  it("exits 1 with one line for a missing notebook or an unwritable lake", async () => {
    await writeFile(path.join(dir, "a-file"), "");
    const [missing, unwritable] = await lakebookInOneProcess(
      [
        ["run", "nope.lakebook.md"],
        ["query", "SELECT 1", "--lake", "a-file/lake"],
      ],
      dir,
    );
    if (!missing || !unwritable) throw new Error("two commands, two answers");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^lakebook: Cannot read notebook .*nope\.lakebook\.md/);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^lakebook: Cannot write to the lake folder .*a-file\/lake/);
  });
});
