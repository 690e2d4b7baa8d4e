import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseNotebook } from "../../../pipeline/document";
import { createDispatcher, createRouter, openWorkspace, type Workspace } from "../../../pipeline/service";

/**
 * A target changed in the form applies on the next run, in the running service: no reopening.
 * The local lake's DuckDB stays open throughout, and a new lake folder waits for a reopen.
 */
let dir: string;
let file: string;
let workspace: Workspace;

const notebookText = (target: string) =>
  `---\nlakebook: 1\ntitle: Live target\n${target}---\n\n\`\`\`sql {#one}\nSELECT 1 AS n\n\`\`\`\n<!-- #note -->\nA note.\n`;
const AWS = "target:\n  kind: aws\n  bucket: my-data-lake\n  region: eu-west-1\n";

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-live-target-"));
  file = path.join(dir, "n.lakebook.md");
  await writeFile(file, notebookText(""));
  workspace = await openWorkspace({ notebookPath: file });
});
afterEach(async () => {
  await workspace.close();
  // The service records a finished run in `.lakebook/` just after its status says done: removing the
  // folder may meet that write (ENOTEMPTY), so the removal is tried again.
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

/** Saves the notebook with `target`, runs a cell (the markdown one: no AWS call) and waits for its end. */
async function saveAndRun(dispatcher: ReturnType<typeof createDispatcher>, target: string, cellId = "note") {
  const { notebook } = parseNotebook(notebookText(target), file);
  const saved = await dispatcher.call("notebook.save", { notebook, overwrite: true });
  expect(saved).toMatchObject({ ok: true });
  const started = await dispatcher.call("cell.run", { cellId });
  if (started.ok) {
    const { runId } = started.result as { runId: string };
    await expect
      .poll(
        async () => {
          const status = await dispatcher.call("run.status", { runId });
          return status.ok ? (status.result as { status: string }).status : "gone";
        },
        { timeout: 30_000 },
      )
      .not.toBe("running");
  }
  return started;
}

describe("a target changed while the service runs", () => {
  it("is used by the next run: local → AWS (the bucket) → local again, the local DuckDB kept", async () => {
    const dispatcher = createDispatcher(createRouter(workspace));
    const engine = workspace.engine;
    expect(workspace.store.location.startsWith("file:")).toBe(true);

    expect((await saveAndRun(dispatcher, AWS)).ok).toBe(true);
    expect(workspace.target).toMatchObject({ kind: "aws", bucket: "my-data-lake", region: "eu-west-1" });
    expect(workspace.store.location).toBe("s3://my-data-lake/");

    expect((await saveAndRun(dispatcher, "", "one")).ok).toBe(true);
    expect(workspace.target).toEqual({ kind: "local" });
    expect(workspace.store.location.startsWith("file:")).toBe(true);
    // The same DuckDB, still answering.
    expect(workspace.engine).toBe(engine);
    const answer = await dispatcher.call("query.run", { sql: "SELECT 41 + 1 AS n" });
    expect(answer).toMatchObject({ ok: true, result: { rows: [{ n: 42 }] } });
  });

  it("refuses a new lake folder until the notebook is opened again, and keeps the open lake", async () => {
    const dispatcher = createDispatcher(createRouter(workspace));
    const reply = await saveAndRun(dispatcher, "target:\n  kind: local\n  lake: elsewhere\n");
    expect(reply).toMatchObject({ ok: false, error: { code: "TARGET_LAKE_CHANGED" } });
    expect(workspace.target).toEqual({ kind: "local" });
    expect(workspace.lakeRoot).toBe(path.join(dir, ".lake"));
  });
});
