import { appendFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CourseCheckResult } from "../../../../pipeline/contract";
import { createDispatcher, createRouter, openWorkspace } from "../../../../pipeline/service";
import { lakebook, lakebookInOneProcess } from "../run-cli";
import { builtDemoCopy, NOTEBOOK, rawMovies, rule } from "./built-demo";

/** `lakebook check` and `course.check` on the demo run end to end: every rule passes; the exit codes. */
const demo = builtDemoCopy();

describe("lakebook check on the demo run", () => {
  it("passes every rule, each with evidence, and exits 0", async () => {
    const result = await lakebook(["check", path.join(demo.project, NOTEBOOK), "--json"], demo.dir);
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
    const result = await lakebook(["check", path.join(demo.project, NOTEBOOK), "--stage", "2"], demo.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Stage 2 — TMDB");
    expect(result.stdout).not.toContain("Stage 1");
    expect(result.stdout).toMatch(/pass {2}Each TMDB file holds at most 100 records/);
  });

  it("exits 2 when typed wrong", async () => {
    const [none, badStage, badFlag] = await lakebookInOneProcess(
      [
        ["check"],
        ["check", path.join(demo.project, NOTEBOOK), "--stage", "5"],
        ["check", NOTEBOOK, "--loud"],
      ],
      demo.dir,
    );
    expect(none?.code).toBe(2);
    expect(badStage?.code).toBe(2);
    expect(badStage?.stderr).toContain("--stage expects 1, 2, 3 or 4");
    expect(badFlag?.code).toBe(2);
  });

  it("exits 1 when a rule fails, with the failing rule's hint", async () => {
    const copy = await demo.copy("exit-one");
    const file = await rawMovies(path.join(copy, ".lake"));
    await appendFile(file, "tt9999999|extra\n");
    const result = await lakebook(["check", path.join(copy, NOTEBOOK)], demo.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("FAIL  RAW movies.csv is byte-identical");
    expect(result.stdout).toContain("fix: Upload the CSV whole and unmodified");
  });

  it("answers course.check through the service, and refuses a stage that does not exist", async () => {
    const workspace = await openWorkspace({ notebookPath: path.join(demo.project, NOTEBOOK) });
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
