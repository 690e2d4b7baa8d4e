import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CellRunResult } from "../../../pipeline/contract";
import { recordRunResults } from "../../../pipeline/service";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const result = (id: string, summary: string): CellRunResult => ({
  id,
  kind: "sql",
  status: "ok",
  ms: 1,
  summary,
});

describe("last run results beside the notebook", () => {
  it("keeps every cell's last result when cells finish one by one or together", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lakebook-run-state-"));
    dirs.push(dir);
    const notebook = path.join(dir, "demo.lakebook.md");
    await recordRunResults(dir, notebook, [result("a", "first")]);
    await Promise.all([
      recordRunResults(dir, notebook, [result("b", "second")]),
      recordRunResults(dir, notebook, [result("c", "third")]),
      recordRunResults(dir, notebook, [result("a", "again")]),
    ]);
    const file = JSON.parse(await readFile(path.join(dir, "demo", "last-run.json"), "utf8"));
    const summaries = Object.fromEntries(file.cells.map((c: CellRunResult) => [c.id, c.summary]));
    expect(summaries).toEqual({ a: "again", b: "second", c: "third" });
  });
});
