import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CourseCheckResult, CourseRuleResult, CourseStage } from "../../../pipeline/contract";
import { checkCourse, resetPlan, resetStage } from "../../../pipeline/course";
import { createDispatcher, createRouter, openWorkspace } from "../../../pipeline/service";
import { courseLakeOf } from "../../../pipeline/service/course-lake";
import { EXAMPLE_KEY_ID } from "../../helpers/example-aws-keys";
import { lakebook } from "./run-cli";

/**
 * Course mode against the demo run: every rule passes on the demo notebook run end to end, and each
 * rule fails, with the evidence and hint a student needs, on a copy of that lake sabotaged for it.
 */
let dir: string;
let project: string;
const NOTEBOOK = "horror-subgenres.lakebook.md";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-check-"));
  project = path.join(dir, "demo");
  expect((await lakebook(["demo", "demo"], dir)).code).toBe(0);
  const run = await lakebook(["run", path.join(project, NOTEBOOK), "--json"], dir);
  expect(JSON.parse(run.stdout).ok).toBe(true);
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let copies = 0;
/** A copy of the demo project, changed by `sabotage`, then checked in-process. */
async function checkCopy(
  sabotage: (project: string, lake: string) => Promise<void>,
  stage?: CourseStage,
): Promise<CourseCheckResult> {
  copies += 1;
  const copy = path.join(dir, `copy-${copies}`);
  await cp(project, copy, { recursive: true });
  await sabotage(copy, path.join(copy, ".lake"));
  return checkProject(copy, stage);
}

async function checkProject(folder: string, stage?: CourseStage): Promise<CourseCheckResult> {
  const workspace = await openWorkspace({ notebookPath: path.join(folder, NOTEBOOK) });
  try {
    return await checkCourse(courseLakeOf(workspace), stage);
  } finally {
    await workspace.close();
  }
}

function rule(result: CourseCheckResult, id: string): CourseRuleResult {
  const found = result.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id} in ${result.rules.map((r) => r.id).join(", ")}`);
  return found;
}

/** The rule fails, and only the rules named fail. */
function expectFailing(result: CourseCheckResult, ids: string[]): void {
  expect(result.ok).toBe(false);
  expect(result.rules.filter((r) => !r.pass).map((r) => r.id)).toEqual(ids);
  for (const id of ids) expect(rule(result, id).hint).toBeTruthy();
}

async function duckdb(sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
  }
}

/** Rewrites one Parquet file through a SELECT over itself (`t`). */
async function rewriteParquet(file: string, select: (t: string) => string): Promise<void> {
  const temp = `${file}.new`;
  const source = `read_parquet('${file}', hive_partitioning = false)`;
  await duckdb(`COPY (${select(source)}) TO '${temp}' (FORMAT parquet)`);
  await rename(temp, file);
}

async function onlyFile(folder: string, ending: string): Promise<string> {
  const files = (await readdir(folder, { recursive: true })).filter((f) => f.endsWith(ending));
  expect(files.length).toBeGreaterThan(0);
  return path.join(folder, files[0] ?? "");
}

async function rawMovies(lake: string): Promise<string> {
  return onlyFile(path.join(lake, "Raw/Local/CSV/Movies"), "movies.csv");
}

async function tmdbFiles(lake: string): Promise<string[]> {
  const root = path.join(lake, "Raw/TMDB/JSON");
  return (await readdir(root, { recursive: true }))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(root, f));
}

/** A RAW TMDB file as the TMDB cell writes it: one `{"kind", "records"}` object on one line. */
type Envelope = { kind: string; records: Record<string, unknown>[] };

async function readEnvelope(file: string): Promise<Envelope> {
  return JSON.parse(await readFile(file, "utf8")) as Envelope;
}

async function writeEnvelope(file: string, envelope: Envelope): Promise<void> {
  await writeFile(file, `${JSON.stringify(envelope)}\n`);
}

async function editCatalog(lake: string, table: string, edit: (entry: Record<string, unknown>) => void) {
  const file = path.join(lake, "_catalog", `${table.replace(".", "/")}.json`);
  const entry = JSON.parse(await readFile(file, "utf8"));
  edit(entry);
  await writeFile(file, JSON.stringify(entry, null, 2));
}

describe("lakebook check on the demo run", () => {
  it("passes every rule, each with evidence, and exits 0", async () => {
    const result = await lakebook(["check", path.join(project, NOTEBOOK), "--json"], dir);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as CourseCheckResult;
    expect(parsed.rules.filter((r) => !r.pass)).toEqual([]);
    expect(parsed.ok).toBe(true);
    expect(parsed.rules.length).toBeGreaterThanOrEqual(25);
    expect(new Set(parsed.rules.map((r) => r.stage))).toEqual(new Set([0, 1, 2, 3, 4]));
    for (const r of parsed.rules) expect(r.evidence.length).toBeGreaterThan(0);
    expect(rule(parsed, "raw.movies.identical").evidence.join("\n")).toMatch(/SHA-256 [0-9a-f]{64}/);
    expect(rule(parsed, "tmdb.selected").cellId).toBe("tmdb_enrich");
  });

  it("prints the rules as text and checks one stage with --stage", async () => {
    const result = await lakebook(["check", path.join(project, NOTEBOOK), "--stage", "2"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Stage 2 — TMDB");
    expect(result.stdout).not.toContain("Stage 1");
    expect(result.stdout).toMatch(/pass {2}Each TMDB file holds at most 100 records/);
  });

  it("exits 2 when typed wrong", async () => {
    expect((await lakebook(["check"], dir)).code).toBe(2);
    const badStage = await lakebook(["check", path.join(project, NOTEBOOK), "--stage", "5"], dir);
    expect(badStage.code).toBe(2);
    expect(badStage.stderr).toContain("--stage expects 1, 2, 3 or 4");
    expect((await lakebook(["check", NOTEBOOK, "--loud"], dir)).code).toBe(2);
  });

  it("exits 1 when a rule fails, with the failing rule's hint", async () => {
    const copy = path.join(dir, "exit-one");
    await cp(project, copy, { recursive: true });
    const file = await rawMovies(path.join(copy, ".lake"));
    await appendFile(file, "tt9999999|extra\n");
    const result = await lakebook(["check", path.join(copy, NOTEBOOK)], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("FAIL  RAW movies.csv is byte-identical");
    expect(result.stdout).toContain("fix: Upload the CSV whole and unmodified");
  });

  it("answers course.check through the service, and refuses a stage that does not exist", async () => {
    const workspace = await openWorkspace({ notebookPath: path.join(project, NOTEBOOK) });
    const router = createRouter(workspace);
    // The dispatcher is where every transport's params are checked against the contract.
    const service = createDispatcher(router);
    try {
      const result = await router.call("course.check", { stage: 1 });
      expect(result.ok).toBe(true);
      expect(result.rules.map((r) => r.stage).sort()).toEqual([0, 1, 1, 1, 1, 1]);
      await expect(service.call("course.check", { stage: 5 })).resolves.toMatchObject({
        ok: false,
        error: { code: "INVALID_PARAMS" },
      });
    } finally {
      await router.close();
      await workspace.close();
    }
  });
});

describe("stage 1 rules on a sabotaged lake", () => {
  it("fails raw.paths and raw.movies.path for an unpadded date folder, naming the padded one", async () => {
    const result = await checkCopy(async (_project, lake) => {
      const file = await rawMovies(lake);
      const day = path.dirname(file);
      const unpadded = path.join(path.dirname(path.dirname(day)), "1", "5");
      await mkdir(unpadded, { recursive: true });
      await rename(file, path.join(unpadded, "movies.csv"));
    }, 1);
    expectFailing(result, ["raw.paths", "raw.movies.path", "raw.movies.identical"]);
    expect(rule(result, "raw.paths").evidence.join("\n")).toMatch(
      /1\/5 .*not zero-padded: expected \d{4}\/01\/05/,
    );
    expect(rule(result, "raw.paths").hint).toContain("zero-padded");
    expect(rule(result, "raw.movies.path").cellId).toBe("ingest_movies");
  });

  it("fails raw.paths for wrong casing, with the key spelled right", async () => {
    const result = await checkCopy(async (_project, lake) => {
      const file = await rawMovies(lake);
      const wrong = file.replace(
        `${path.sep}CSV${path.sep}Movies${path.sep}`,
        `${path.sep}csv${path.sep}movies${path.sep}`,
      );
      await mkdir(path.dirname(wrong), { recursive: true });
      await rename(file, wrong);
    }, 1);
    expectFailing(result, ["raw.paths", "raw.movies.path", "raw.movies.identical"]);
    expect(rule(result, "raw.paths").evidence.join("\n")).toContain(
      'where the lake uses "Raw/Local/CSV/Movies"',
    );
  });

  it("fails raw.series.identical when the RAW object differs from the data file", async () => {
    const result = await checkCopy(async (project) => {
      await appendFile(path.join(project, "data/series.csv"), "\n");
    }, 1);
    expectFailing(result, ["raw.series.identical"]);
    const evidence = rule(result, "raw.series.identical").evidence;
    expect(evidence[0]).toMatch(/^data\/series\.csv: [\d,]+ bytes/);
    expect(evidence[1]).toMatch(/^Raw\/Local\/CSV\/Series\/\d{4}\/\d{2}\/\d{2}\/series\.csv/);
  });
});

describe("stage 2 rules on a sabotaged lake", () => {
  it("fails tmdb.limits for a file of 101 records", async () => {
    const result = await checkCopy(async (_project, lake) => {
      const [first, second] = await tmdbFiles(lake);
      const file = await readEnvelope(first ?? "");
      const other = await readEnvelope(second ?? "");
      expect(file.records).toHaveLength(100);
      // A record from another file: 101 records, every one still a selected title, still one line.
      await writeEnvelope(first ?? "", { ...file, records: [...file.records, ...other.records.slice(0, 1)] });
      await writeEnvelope(second ?? "", { ...other, records: other.records.slice(1) });
    }, 2);
    expectFailing(result, ["tmdb.limits"]);
    expect(rule(result, "tmdb.limits").evidence[0]).toMatch(/tmdb-movies-0001\.json: 101 records/);
  });

  it("fails tmdb.one-structure for two JSON documents in one file", async () => {
    const result = await checkCopy(async (_project, lake) => {
      const [first] = await tmdbFiles(lake);
      const { kind, records } = await readEnvelope(first ?? "");
      await writeFile(
        first ?? "",
        `${JSON.stringify({ kind, records: records.slice(0, 50) })}\n${JSON.stringify({ kind, records: records.slice(50) })}\n`,
      );
    }, 2);
    expect(rule(result, "tmdb.one-structure").pass).toBe(false);
    expect(rule(result, "tmdb.one-structure").evidence[0]).toContain("is not one JSON structure");
    expect(rule(result, "tmdb.one-structure").hint).toContain("json.dumps");
  });

  it("fails tmdb.one-structure for a top-level array and for a pretty-printed object, which Athena cannot read", async () => {
    const result = await checkCopy(async (_project, lake) => {
      const [first, second] = await tmdbFiles(lake);
      await writeFile(first ?? "", JSON.stringify((await readEnvelope(first ?? "")).records));
      await writeFile(second ?? "", JSON.stringify(await readEnvelope(second ?? ""), null, 2));
    }, 2);
    expectFailing(result, ["tmdb.one-structure"]);
    expect(rule(result, "tmdb.one-structure").evidence).toEqual([
      expect.stringMatching(/tmdb-movies-0001\.json: is a top-level JSON array, which Athena cannot read/),
      expect.stringMatching(/tmdb-movies-0002\.json: spans several lines/),
    ]);
  });

  it("fails tmdb.imdb-id for a record keyed by title, and tmdb.selected for a title nobody selected", async () => {
    const result = await checkCopy(async (_project, lake) => {
      const [first] = await tmdbFiles(lake);
      const file = await readEnvelope(first ?? "");
      delete file.records[0]?.imdb_id;
      if (file.records[1]) file.records[1].imdb_id = "tt9999999";
      await writeEnvelope(first ?? "", file);
    }, 2);
    expectFailing(result, ["tmdb.imdb-id", "tmdb.selected"]);
    expect(rule(result, "tmdb.imdb-id").evidence[0]).toMatch(/record 1: no imdb_id \(keys: /);
    expect(rule(result, "tmdb.imdb-id").hint).toContain("by title");
    expect(rule(result, "tmdb.selected").evidence).toContain("not selected: tt9999999");
  });
});

describe("stage 3 rules on a sabotaged lake", () => {
  it("fails trusted.null-marker and trusted.numbers-typed when \\N and numbers stay text", async () => {
    const result = await checkCopy(async (_project, lake) => {
      const file = await onlyFile(path.join(lake, "Trusted/Local/Parquet/movies"), ".parquet");
      await rewriteParquet(
        file,
        (t) =>
          `SELECT * REPLACE (coalesce(personagem, '\\N') AS personagem, CAST(ano_lancamento AS VARCHAR) AS ano_lancamento) FROM ${t}`,
      );
      await editCatalog(lake, "trusted.movies", (entry) => {
        for (const column of entry.columns as { name: string; type: string }[]) {
          if (column.name === "ano_lancamento") column.type = "VARCHAR";
        }
      });
    }, 3);
    expectFailing(result, ["trusted.numbers-typed", "trusted.null-marker"]);
    expect(rule(result, "trusted.null-marker").evidence[0]).toMatch(
      /^trusted\.movies\.personagem: [\d,]+ rows hold the text \\N$/,
    );
    expect(rule(result, "trusted.numbers-typed").evidence[0]).toMatch(
      /trusted\.movies\.ano_lancamento is VARCHAR but all/,
    );
    expect(rule(result, "trusted.null-marker").cellId).toBe("trusted_movies");
  });

  it("fails trusted.budget-unknown when TMDB's 0 budget is kept as a value", async () => {
    const result = await checkCopy(async (_project, lake) => {
      const file = await onlyFile(path.join(lake, "Trusted/TMDB/Parquet/tmdb_movies"), ".parquet");
      // The cell's nullif(budget, 0) undone for every third title: the raw 0 stays a value.
      await rewriteParquet(
        file,
        (t) => `SELECT * REPLACE (CASE WHEN tmdb_id % 3 = 0 THEN 0 ELSE budget END AS budget) FROM ${t}`,
      );
    }, 3);
    expectFailing(result, ["trusted.budget-unknown"]);
    expect(rule(result, "trusted.budget-unknown").evidence[0]).toMatch(
      /trusted\.tmdb_movies\.budget: [\d,]+ rows equal 0/,
    );
    expect(rule(result, "trusted.budget-unknown").hint).toContain("nullif(budget, 0)");
  });

  it("fails trusted.parquet and trusted.tmdb-dt for a CSV in TRUSTED and an unpartitioned TMDB file", async () => {
    const result = await checkCopy(async (_project, lake) => {
      const table = path.join(lake, "Trusted/TMDB/Parquet/tmdb_series");
      const partition = (await readdir(table)).find((f) => f.startsWith("dt=")) ?? "";
      await rename(path.join(table, partition), path.join(table, partition.slice(3)));
      await writeFile(path.join(lake, "Trusted/Local/Parquet/movies/extra.csv"), "a|b\n");
    }, 3);
    expect(rule(result, "trusted.parquet").pass).toBe(false);
    expect(rule(result, "trusted.parquet").evidence).toContain(
      "Trusted/Local/Parquet/movies/extra.csv is not a Parquet file",
    );
    expect(rule(result, "trusted.tmdb-dt").pass).toBe(false);
    expect(rule(result, "trusted.tmdb-dt").evidence).toContainEqual(
      expect.stringMatching(
        /^Trusted\/TMDB\/Parquet\/tmdb_series\/\d{4}-\d{2}-\d{2}\/part-0\.parquet is not inside a dt=YYYY-MM-DD\/ folder$/,
      ),
    );
  });

  it("fails refined.primary-keys for a duplicated dimension key", async () => {
    const result = await checkCopy(async (_project, lake) => {
      const file = await onlyFile(path.join(lake, "Refined/dim_subgenre"), ".parquet");
      await rewriteParquet(file, (t) => `SELECT * FROM ${t} UNION ALL (SELECT * FROM ${t} LIMIT 1)`);
    }, 3);
    expectFailing(result, ["refined.primary-keys"]);
    expect(rule(result, "refined.primary-keys").evidence).toEqual([
      "refined.dim_subgenre (subgenre_key): 16 rows, 1 duplicated key, 0 NULL keys",
    ]);
    expect(rule(result, "refined.primary-keys").cellId).toBe("dim_subgenre");
  });

  it("fails refined.foreign-keys for a fact whose date is missing from dim_date", async () => {
    const result = await checkCopy(async (_project, lake) => {
      const file = await onlyFile(path.join(lake, "Refined/dim_date"), ".parquet");
      await rewriteParquet(file, (t) => `SELECT * FROM ${t} ORDER BY date_key OFFSET 1`);
    }, 3);
    expectFailing(result, ["refined.foreign-keys"]);
    expect(rule(result, "refined.foreign-keys").evidence).toContainEqual(
      expect.stringMatching(
        /^refined\.fact_title_rating \(release_date_key\) → refined\.dim_date \(date_key\): [1-9][\d,]* orphan rows?$/,
      ),
    );
    expect(rule(result, "refined.foreign-keys").hint).toContain("imdb_id");
  });

  it("fails refined.per-title for a fact whose votes were summed once per artist", async () => {
    const result = await checkCopy(async (_project, lake) => {
      const fact = await onlyFile(path.join(lake, "Refined/fact_title_rating"), ".parquet");
      const dim = await onlyFile(path.join(lake, "Refined/dim_title"), ".parquet");
      const movies = await onlyFile(path.join(lake, "Trusted/Local/Parquet/movies"), ".parquet");
      await rewriteParquet(
        fact,
        (
          t,
        ) => `SELECT f.* REPLACE (coalesce(CAST(f.imdb_votes * a.artists AS BIGINT), f.imdb_votes) AS imdb_votes)
          FROM ${t} AS f JOIN read_parquet('${dim}') AS d ON d.title_key = f.title_key
          LEFT JOIN (SELECT imdb_id, count(*) AS artists FROM read_parquet('${movies}') GROUP BY imdb_id) AS a
            ON a.imdb_id = d.imdb_id`,
      );
    }, 3);
    expectFailing(result, ["refined.per-title"]);
    expect(rule(result, "refined.per-title").evidence).toContainEqual(
      expect.stringMatching(
        /^refined\.fact_title_rating\.imdb_votes = trusted\.movies\.numero_votos × rows per title for [\d,]+ titles of [\d,]+ with several artists$/,
      ),
    );
    expect(rule(result, "refined.per-title").hint).toContain("one row per credited artist");
    expect(rule(result, "refined.per-title").cellId).toBe("fact_title_rating");
  });

  it("fails refined.per-title when the fact keeps a row per artist", async () => {
    const result = await checkCopy(async (_project, lake) => {
      const fact = await onlyFile(path.join(lake, "Refined/fact_title_rating"), ".parquet");
      await rewriteParquet(fact, (t) => `SELECT * FROM ${t} UNION ALL (SELECT * FROM ${t} LIMIT 10)`);
    }, 3);
    expectFailing(result, ["refined.primary-keys", "refined.per-title"]);
    expect(rule(result, "refined.per-title").evidence[0]).toBe(
      "refined.fact_title_rating: 394 rows for 384 distinct titles (title_key)",
    );
  });

  it("fails refined.genre-fan-out when a title counts once per subgenre", async () => {
    const result = await checkCopy(async (_project, lake) => {
      const bridge = await onlyFile(path.join(lake, "Refined/bridge_title_subgenre"), ".parquet");
      await rewriteParquet(bridge, (t) => `SELECT * REPLACE (CAST(1 AS DOUBLE) AS weight) FROM ${t}`);
    }, 3);
    expectFailing(result, ["refined.genre-fan-out"]);
    expect(rule(result, "refined.genre-fan-out").evidence[0]).toMatch(
      /^refined\.bridge_title_subgenre: weight sums to 1 for [\d,]+ titles, not for [1-9][\d,]*$/,
    );
  });

  it("fails refined.model and refined.keys-declared when the catalog loses roles and keys", async () => {
    const result = await checkCopy(async (_project, lake) => {
      for (const table of ["refined.dim_date", "refined.dim_person", "refined.dim_subgenre"]) {
        await editCatalog(lake, table, (entry) => {
          delete entry.role;
          delete entry.primaryKey;
        });
      }
    }, 3);
    expectFailing(result, ["refined.model", "refined.keys-declared"]);
    expect(rule(result, "refined.model").evidence).toContain("dimensions: refined.dim_title");
    expect(rule(result, "refined.keys-declared").evidence).toContain("refined.dim_date: no role, primaryKey");
  });
});

describe("stage 4 rules on a changed notebook", () => {
  it("fails the chart-type, REFINED-only and question rules", async () => {
    const result = await checkCopy(async (project) => {
      const file = path.join(project, NOTEBOOK);
      let text = await readFile(file, "utf8");
      text = text
        .replace('"mark": "rect"', '"mark": "bar"')
        .replace(/"mark": \{ "type": "(area|point)"/g, '"mark": { "type": "bar"');
      text = text.replace(
        "FROM refined.dim_title t\nJOIN refined.dim_date d",
        "FROM trusted.movies t\nJOIN refined.dim_date d",
      );
      text = text.replace(/"field": "subgenre"/g, '"field": "name"');
      await writeFile(file, text);
    }, 4);
    expectFailing(result, ["dashboard.chart-types", "dashboard.refined-only", "dashboard.answers-question"]);
    expect(rule(result, "dashboard.chart-types").evidence[0]).toBe(
      "7 charts in the chart cells (the HTML export): kpi, bar",
    );
    expect(rule(result, "dashboard.refined-only").evidence).toEqual([
      "releases_by_decade reads trusted.movies",
    ]);
    expect(rule(result, "dashboard.refined-only").cellId).toBe("titles_by_decade");
    expect(rule(result, "dashboard.answers-question").evidence[0]).toBe(
      "no chart encodes a genre or subgenre field next to a measure",
    );
  });
});

describe("the credential rule", () => {
  it("finds a planted AWS key in the project and a TMDB token in the lake, showing neither", async () => {
    const jwt = [
      "eyJhbGciOiJIUzI1NiJ9",
      "eyJhdWQiOiJjb3Vyc2UtdGVzdC1ub3QtcmVhbCJ9",
      "c2lnbmF0dXJlLW5vdC1yZWFs",
    ].join(".");
    const result = await checkCopy(async (project, lake) => {
      await writeFile(path.join(project, "notes.txt"), `my keys\naws_access_key_id = ${EXAMPLE_KEY_ID}\n`);
      await mkdir(path.join(lake, "Refined/notes"), { recursive: true });
      await writeFile(path.join(lake, "Refined/notes/token.txt"), `Authorization: Bearer ${jwt}\n`);
    }, 1);
    expectFailing(result, ["project.no-credentials"]);
    const evidence = rule(result, "project.no-credentials").evidence.join("\n");
    expect(evidence).toContain("notes.txt:2: AWS access key id AKIA******** (20 characters)");
    expect(evidence).toMatch(/Refined\/notes\/token\.txt:1: TMDB read access token \(JWT\) eyJh\*+/);
    expect(evidence).not.toContain(EXAMPLE_KEY_ID);
    expect(evidence).not.toContain(jwt);
    expect(rule(result, "project.no-credentials").hint).toContain("revoke");
  });
});

describe("resetting a stage", () => {
  it("lists what stage 3 produced, removes exactly that, and never the RAW CSVs", async () => {
    const copy = path.join(dir, "reset");
    await cp(project, copy, { recursive: true });
    const workspace = await openWorkspace({ notebookPath: path.join(copy, NOTEBOOK) });
    try {
      const lake = courseLakeOf(workspace);
      expect((await resetPlan(lake, 1)).items).toEqual([]);
      expect((await resetPlan(lake, 1)).kept[0]).toContain("Raw/Local/CSV/");
      const tmdb = await resetPlan(lake, 2);
      expect(tmdb.items).toEqual([
        { kind: "table", name: "raw.tmdb", location: "Raw/TMDB/JSON/" },
        expect.objectContaining({ kind: "objects", prefix: "Raw/TMDB/JSON/", count: 5 }),
      ]);

      const plan = await resetPlan(lake, 3);
      const tables = plan.items.flatMap((i) => (i.kind === "table" ? [i.name] : []));
      expect(tables).toHaveLength(11);
      expect(tables).toContain("refined.fact_title_rating");
      expect(tables.some((name) => name.startsWith("raw."))).toBe(false);

      // A list that is not the current plan removes nothing.
      await expect(resetStage(lake, 3, plan.items.slice(1))).rejects.toMatchObject({
        code: "COURSE_RESET_CHANGED",
      });
      const removed = await resetStage(lake, 3, plan.items);
      expect(removed.removedTables).toEqual(tables);
      expect(removed.removedObjects).toBeGreaterThan(10);
      expect((await workspace.catalog.list()).map((t) => `${t.database}.${t.name}`)).toEqual([
        "raw.movies",
        "raw.series",
        "raw.tmdb",
      ]);

      const after = await checkCourse(lake);
      expect(rule(after, "raw.movies.identical").pass).toBe(true);
      expect(rule(after, "tmdb.limits").pass).toBe(true);
      expect(rule(after, "refined.model").pass).toBe(false);
    } finally {
      await workspace.close();
    }
  });
});
