import { describe, expect, it } from "vitest";
import { downstreamToRun, staleToRun } from "../../../../renderer/src/run/run-selection";
import type { CellRun, DependencyCell } from "../../../../renderer/src/state/run-store";

const ok = (seq: number): CellRun => ({ status: "ok", lastOk: { seq, sourceHash: "h" } });
const order = ["intro", "ingest", "clean", "model", "chart", "other"];

describe("Run stale: which cells", () => {
  it("takes cells marked stale and cells never run ok (not run, or failed), in notebook order", () => {
    const cells: Record<string, CellRun> = {
      intro: ok(1),
      ingest: ok(2),
      clean: ok(3),
      model: { status: "error" },
      chart: ok(4),
    };
    const stale = new Set(["chart", "clean"]);
    expect(staleToRun(order, { cells, stale })).toEqual(["clean", "model", "chart", "other"]);
  });

  it("leaves out a cell already waiting or running, and has nothing to do when all is fresh", () => {
    const cells: Record<string, CellRun> = {
      intro: { status: "queued" },
      ingest: { status: "running" },
      clean: ok(1),
    };
    expect(staleToRun(["intro", "ingest", "clean"], { cells, stale: new Set() })).toEqual([]);
    expect(staleToRun(["intro", "ingest", "clean"], { cells, stale: new Set(["clean"]) })).toEqual(["clean"]);
  });
});

describe("Run downstream: which cells", () => {
  const deps: DependencyCell[] = [
    { id: "intro", reads: [], writes: [] },
    { id: "ingest", reads: [], writes: ["raw.movies"] },
    { id: "clean", reads: ["raw.movies"], writes: ["trusted.movies"] },
    { id: "model", reads: ["trusted.movies"], writes: ["refined.fact"] },
    // A chart reads a cell's result by its id.
    { id: "chart", reads: ["model"], writes: [] },
    { id: "other", reads: ["raw.series"], writes: [] },
  ];

  it("the cell and everything that depends on it, transitively, in notebook order", () => {
    expect(downstreamToRun("clean", order, deps)).toEqual(["clean", "model", "chart"]);
    expect(downstreamToRun("ingest", order, deps)).toEqual(["ingest", "clean", "model", "chart"]);
    expect(downstreamToRun("chart", order, deps)).toEqual(["chart"]);
  });

  it("keeps the notebook's order even when a reader sits above its writer", () => {
    const moved = ["chart", "intro", "ingest", "clean", "model", "other"];
    expect(downstreamToRun("model", moved, deps)).toEqual(["chart", "model"]);
  });

  it("survives a cycle, and runs only the cell before the dependencies are known", () => {
    const cycle: DependencyCell[] = [
      { id: "a", reads: ["t2"], writes: ["t1"] },
      { id: "b", reads: ["t1"], writes: ["t2"] },
    ];
    expect(downstreamToRun("a", ["a", "b"], cycle)).toEqual(["a", "b"]);
    expect(downstreamToRun("clean", order, null)).toEqual(["clean"]);
    expect(downstreamToRun("gone", order, deps)).toEqual([]);
  });
});
