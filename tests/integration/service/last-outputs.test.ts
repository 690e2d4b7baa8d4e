import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readLastOutputs, recordLastOutput } from "../../../pipeline/service/last-outputs";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("each cell's last output beside the notebook", () => {
  it("keeps the output with the source it ran; a table keeps its first rows, not its dead result id", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lakebook-last-outputs-"));
    dirs.push(dir);
    const notebook = path.join(dir, "demo.lakebook.md");
    const rows = Array.from({ length: 250 }, (_, i) => ({ x: i }));
    await recordLastOutput(
      dir,
      notebook,
      {
        id: "use",
        kind: "sql",
        status: "ok",
        ms: 4,
        summary: "250 rows",
        output: {
          type: "table",
          result: { resultId: "r-1", columns: [{ name: "x", type: "BIGINT" }], rowCount: 250, rows, ms: 1 },
        },
      },
      "SELECT x FROM picks",
    );
    await recordLastOutput(
      dir,
      notebook,
      { id: "note", kind: "markdown", status: "ok", ms: 0, summary: "" },
      "# Hi",
    );
    // A file cut short by a crash is skipped, not fatal.
    await writeFile(path.join(dir, "demo", "outputs", "broken.json"), "{");
    const runs = await readLastOutputs(dir, notebook);
    expect(runs.map((r) => r.result.id)).toEqual(["use", "note"]);
    const use = runs[0];
    expect(use?.source).toBe("SELECT x FROM picks");
    expect(use?.result.output).toMatchObject({ type: "table", result: { resultId: "", rowCount: 250 } });
    expect(use?.result.output?.type === "table" && use.result.output.result.rows).toHaveLength(100);
  });

  it("answers with none before any run", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "lakebook-last-outputs-"));
    dirs.push(dir);
    expect(await readLastOutputs(dir, path.join(dir, "x.lakebook.md"))).toEqual([]);
  });
});
