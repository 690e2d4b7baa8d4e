import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LakebookError } from "../../../pipeline/contract";
import { openWorkspace, type Workspace } from "../../../pipeline/service/workspace";
import type { StageContext } from "../../../pipeline/stages";
import { sqlStage } from "../../../pipeline/stages/sql";

/**
 * SQL from a notebook — maybe someone else's — reaches only the lake, the notebook's data folder
 * and its run state (pipeline/engine/options.ts `confineTo`, set by the workspace).
 */
let dir: string;
let outside: string;
let workspace: Workspace;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-confine-"));
  outside = await mkdtemp(path.join(tmpdir(), "lakebook-outside-"));
  await writeFile(path.join(outside, "secret.csv"), "a\n1\n");
  await mkdir(path.join(dir, "data"));
  await writeFile(path.join(dir, "data", "numbers.csv"), "n\n1\n2\n3\n");
  const notebook = path.join(dir, "confined.lakebook.md");
  await writeFile(notebook, "---\nlakebook: 1\ntitle: Confined\n---\n");
  workspace = await openWorkspace({ notebookPath: notebook });
});
afterAll(async () => {
  await workspace?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

async function refusal(sql: string): Promise<LakebookError> {
  const error = await workspace.engine.query(sql).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, sql).toBeInstanceOf(LakebookError);
  return error as LakebookError;
}

function context(): StageContext {
  return {
    notebook: workspace.notebook ?? { meta: {}, cells: [] },
    notebookPath: workspace.notebookPath,
    baseDir: workspace.baseDir,
    stateDir: workspace.stateDir,
    target: workspace.target,
    lakeRoot: workspace.lakeRoot,
    aws: workspace.aws,
    store: workspace.store,
    engine: workspace.engine,
    catalog: workspace.catalog,
    signal: new AbortController().signal,
    progress: () => undefined,
    log: () => undefined,
  };
}

describe("SQL is confined to the lake and the notebook's data folder", () => {
  it.each([
    ["reading /etc/passwd", "SELECT * FROM read_text('/etc/passwd')", "/etc/passwd"],
    ["reading a CSV elsewhere", () => `SELECT * FROM read_csv('${outside}/secret.csv')`, "secret.csv"],
    [
      "climbing out of the data folder",
      () => `SELECT * FROM read_text('${dir}/data/../../../etc/passwd')`,
      "etc/passwd",
    ],
    ["reading a URL", "SELECT * FROM read_csv('https://example.com/x.csv')", "https://example.com/x.csv"],
    ["attaching a database elsewhere", () => `ATTACH '${outside}/other.db'`, "other.db"],
  ])("refuses %s with SQL_PATH_REFUSED naming the path", async (_name, sql, named) => {
    const error = await refusal(typeof sql === "function" ? sql() : sql);
    expect(error.code).toBe("SQL_PATH_REFUSED");
    expect(error.message).toContain(named);
    expect(error.message).toContain("only inside the lake and the notebook's data folder");
  });

  it("refuses writing outside, and nothing is written there", async () => {
    const error = await refusal(`COPY (SELECT 1 AS a) TO '${outside}/out.csv'`);
    expect(error.code).toBe("SQL_PATH_REFUSED");
    expect(await readdir(outside)).toEqual(["secret.csv"]);
  });

  it("refuses turning the confinement off", async () => {
    for (const sql of [
      "SET enable_external_access = true",
      "SET allowed_directories = ['/']",
      "RESET lock_configuration",
    ]) {
      expect((await refusal(sql)).code, sql).toBe("SQL_PATH_REFUSED");
    }
  });

  it("still reads the data folder and writes tables in the lake", async () => {
    const rows = await workspace.engine.query(
      `SELECT sum(n) AS total FROM read_csv('${dir}/data/numbers.csv')`,
    );
    expect(rows.rows).toEqual([{ total: 6 }]);
    const outcome = await sqlStage.run(
      {
        id: "totals",
        kind: "sql",
        attrs: [],
        source: `CREATE TABLE refined.totals AS SELECT sum(n) AS total FROM read_csv('${dir}/data/numbers.csv')`,
      },
      context(),
    );
    expect(outcome.summary).toContain("refined.totals: 1 rows");
    expect((await workspace.engine.query("SELECT total FROM refined.totals")).rows).toEqual([{ total: 6 }]);
  });
});
