import { describe, expect, it } from "vitest";
import { sourceHash } from "../../../../renderer/src/run/source-hash";
import { watchDependencies, watchStale } from "../../../../renderer/src/run/watchers";
import { createDocumentStore } from "../../../../renderer/src/state/document-store";
import { createRunStore, patchCell } from "../../../../renderer/src/state/run-store";
import { notebookOf } from "../helpers/fake-service";

const nb = () =>
  notebookOf([
    { id: "load", kind: "sql", source: "CREATE TABLE t.a AS SELECT 1" },
    { id: "after", kind: "sql", source: "SELECT * FROM t.a" },
  ]);
const ranOk = (runs: ReturnType<typeof createRunStore>, id: string, source: string, seq: number) =>
  patchCell(runs, id, { status: "ok", lastOk: { seq, sourceHash: sourceHash(source) } });
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe("stale tracking follows the service's notebook.dependencies only", () => {
  it("keeps the last answer when a later call fails", async () => {
    const doc = createDocumentStore(nb());
    const runs = createRunStore();
    let fail = false;
    const client = {
      call: async () => {
        if (fail) throw new Error("service gone");
        return {
          cells: [
            { id: "load", reads: [], writes: ["t.a"] },
            { id: "after", reads: ["t.a"], writes: [] },
          ],
        };
      },
    } as never;
    const stop = watchDependencies(client, doc, runs, 1);
    await tick(5);
    const answered = runs.get().dependencies;
    expect(answered).toHaveLength(2);
    fail = true;
    doc.dispatch({ type: "editSource", id: "after", source: "SELECT 2" });
    await tick(10);
    expect(runs.get().dependencies).toBe(answered);
    stop();
  });

  it("before any answer, an edited cell turns stale at once; the spread waits for the service", () => {
    const doc = createDocumentStore(nb());
    const runs = createRunStore();
    ranOk(runs, "load", "CREATE TABLE t.a AS SELECT 1", 1);
    ranOk(runs, "after", "SELECT * FROM t.a", 2);
    const stop = watchStale(doc, runs);
    doc.dispatch({ type: "editSource", id: "load", source: "CREATE TABLE t.a AS SELECT 2" });
    expect(runs.get().stale).toEqual(new Set(["load"]));
    runs.set((s) => ({
      ...s,
      dependencies: [
        { id: "load", reads: [], writes: ["t.a"] },
        { id: "after", reads: ["t.a"], writes: [] },
      ],
    }));
    expect(runs.get().stale).toEqual(new Set(["load", "after"]));
    stop();
  });
});
