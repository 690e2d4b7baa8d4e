import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, expect } from "vitest";
import type { CourseCheckResult, CourseRuleResult, CourseStage } from "../../../../pipeline/contract";
import { checkCourse } from "../../../../pipeline/course";
import { openWorkspace } from "../../../../pipeline/service";
import { courseLakeOf } from "../../../../pipeline/service/course-lake";
import { copyBuiltDemo, DEMO_NOTEBOOK } from "../../../helpers/demo-lake";

/**
 * Course mode against the demo run: every rule passes on the demo notebook run end to end, and each
 * rule fails, with the evidence and hint a student needs, on a copy of that lake sabotaged for it.
 * Each test file of this folder takes one stage; this is what they share: a temp folder holding a
 * copy of the built demo (`tests/helpers/demo-lake.ts`), and the tools to sabotage further copies.
 */
export const NOTEBOOK = DEMO_NOTEBOOK;

export interface BuiltDemo {
  /** The test file's temp folder. */
  dir: string;
  /** The demo project in it, run end to end. */
  project: string;
  /** A copy of the project, changed by `sabotage`, then checked in-process. */
  checkCopy(
    sabotage: (project: string, lake: string) => Promise<void>,
    stage?: CourseStage,
  ): Promise<CourseCheckResult>;
  /** A fresh copy of the project, named `name`, in the temp folder. */
  copy(name: string): Promise<string>;
}

/** Gives the calling test file its built demo before its tests, and removes it after them. */
export function builtDemoCopy(): BuiltDemo {
  let copies = 0;
  const demo: BuiltDemo = {
    dir: "",
    project: "",
    checkCopy: async (sabotage, stage) => {
      copies += 1;
      const copy = await demo.copy(`copy-${copies}`);
      await sabotage(copy, path.join(copy, ".lake"));
      return checkProject(copy, stage);
    },
    copy: async (name) => {
      const copy = path.join(demo.dir, name);
      await cp(demo.project, copy, { recursive: true });
      return copy;
    },
  };
  beforeAll(async () => {
    demo.dir = await mkdtemp(path.join(tmpdir(), "lakebook-check-"));
    // The first test file to ask builds the shared demo (a whole run); the others wait for it.
    demo.project = await copyBuiltDemo(path.join(demo.dir, "demo"));
  }, 300_000);
  afterAll(async () => {
    if (demo.dir) await rm(demo.dir, { recursive: true, force: true });
  });
  return demo;
}

export async function checkProject(folder: string, stage?: CourseStage): Promise<CourseCheckResult> {
  const workspace = await openWorkspace({ notebookPath: path.join(folder, NOTEBOOK) });
  try {
    return await checkCourse(courseLakeOf(workspace), stage);
  } finally {
    await workspace.close();
  }
}

export function rule(result: CourseCheckResult, id: string): CourseRuleResult {
  const found = result.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id} in ${result.rules.map((r) => r.id).join(", ")}`);
  return found;
}

/** The rule fails, and only the rules named fail. */
export function expectFailing(result: CourseCheckResult, ids: string[]): void {
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
export async function rewriteParquet(file: string, select: (t: string) => string): Promise<void> {
  const temp = `${file}.new`;
  const source = `read_parquet('${file}', hive_partitioning = false)`;
  await duckdb(`COPY (${select(source)}) TO '${temp}' (FORMAT parquet)`);
  await rename(temp, file);
}

export async function onlyFile(folder: string, ending: string): Promise<string> {
  const files = (await readdir(folder, { recursive: true })).filter((f) => f.endsWith(ending));
  expect(files.length).toBeGreaterThan(0);
  return path.join(folder, files[0] ?? "");
}

export async function rawMovies(lake: string): Promise<string> {
  return onlyFile(path.join(lake, "Raw/Local/CSV/Movies"), "movies.csv");
}

export async function tmdbFiles(lake: string): Promise<string[]> {
  const root = path.join(lake, "Raw/TMDB/JSON");
  return (await readdir(root, { recursive: true }))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(root, f));
}

/** A RAW TMDB file as the TMDB cell writes it: one `{"kind", "records"}` object on one line. */
export type Envelope = { kind: string; records: Record<string, unknown>[] };

export async function readEnvelope(file: string): Promise<Envelope> {
  return JSON.parse(await readFile(file, "utf8")) as Envelope;
}

export async function writeEnvelope(file: string, envelope: Envelope): Promise<void> {
  await writeFile(file, `${JSON.stringify(envelope)}\n`);
}

export async function editCatalog(
  lake: string,
  table: string,
  edit: (entry: Record<string, unknown>) => void,
): Promise<void> {
  const file = path.join(lake, "_catalog", `${table.replace(".", "/")}.json`);
  const entry = JSON.parse(await readFile(file, "utf8"));
  edit(entry);
  await writeFile(file, JSON.stringify(entry, null, 2));
}
