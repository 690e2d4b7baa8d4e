import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CellRunResultSchema, type ServiceEvent } from "../../../../pipeline/contract";
import { openWorkspace, runCell, type Workspace } from "../../../../pipeline/service";

/**
 * Through the cell runner, as the workbench and `lakebook run` get it: a failing check cell is an
 * error result (so Run all stops) that still carries the per-table results to draw.
 */
let dir: string;
let workspace: Workspace;
const PLANTED = "PLANTEDtmdbKEY0123456789";
const saved = process.env.TMDB_API_KEY;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-checks-run-"));
  const notebook = path.join(dir, "checks.lakebook.md");
  await writeFile(
    notebook,
    [
      "---\nlakebook: 1\ntitle: Checks\ntarget:\n  kind: local\n---\n",
      "```sql {#build_genres}\nCREATE TABLE refined.dim_genre AS SELECT * FROM (VALUES (1, 'Horror'), (NULL, 'Mystery')) t(genre_id, genre)\n```\n",
      "```check {#check_genres}\nchecks:\n  - table: refined.dim_genre\n    notNull: [genre_id]\n    rowCount: {min: 1}\n```\n",
      // A column named like a credential: DuckDB's error quotes it back.
      `\`\`\`check {#check_quoting}\nchecks:\n  - table: refined.dim_genre\n    notNull: [${PLANTED}]\n\`\`\`\n`,
    ].join("\n"),
  );
  workspace = await openWorkspace({ notebookPath: notebook });
  const built = await run("build_genres");
  if (built.status !== "ok") throw new Error(`build_genres: ${built.summary}`);
});

afterAll(async () => {
  if (saved === undefined) delete process.env.TMDB_API_KEY;
  else process.env.TMDB_API_KEY = saved;
  await workspace?.close();
  await rm(dir, { recursive: true, force: true });
});

function run(id: string) {
  const cell = workspace.notebook?.cells.find((c) => c.id === id);
  if (!cell) throw new Error(`no cell ${id}`);
  const events: ServiceEvent[] = [];
  return runCell(workspace, cell, {
    runId: id,
    signal: new AbortController().signal,
    emit: (e) => events.push(e),
  });
}

describe("a failing check cell's run result", () => {
  it("is an error with CHECKS_FAILED and the checks output", async () => {
    const result = CellRunResultSchema.parse(await run("check_genres"));
    expect(result.status).toBe("error");
    expect(result.error?.code).toBe("CHECKS_FAILED");
    // The terminal's text report stays in the hint.
    expect(result.error?.hint).toContain("FAIL  genre_id is not null — 1 failing row");
    expect(result.output).toMatchObject({
      type: "checks",
      tables: [
        {
          table: "refined.dim_genre",
          checks: [
            { kind: "not_null", status: "fail", failing: 1, samples: { rows: [[null, "Mystery"]] } },
            { kind: "row_count", status: "pass" },
          ],
        },
      ],
    });
  });

  it("keeps no credential the engine quotes back in a check that could not run", async () => {
    process.env.TMDB_API_KEY = PLANTED;
    const result = await run("check_quoting");
    expect(result.error?.code).toBe("CHECKS_FAILED");
    if (result.output?.type !== "checks") throw new Error("no checks output");
    const [quoted] = result.output.tables[0]?.checks ?? [];
    expect(quoted?.status).toBe("error");
    expect(quoted?.error?.message).toContain("[redacted]");
    expect(JSON.stringify(quoted?.error)).not.toContain(PLANTED);
    expect(result.output.report).not.toContain(PLANTED);
  });
});
