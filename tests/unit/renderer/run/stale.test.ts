import { describe, expect, it } from "vitest";
import { type DependencyCell, type LastOkRun, staleCells } from "../../../../renderer/src/run/stale";

// ingest → raw.movies → trusted (→ trusted.movies) → refined (→ refined.fact) → query; chart reads the query cell.
const cells: DependencyCell[] = [
  { id: "ingest", reads: [], writes: ["raw.movies"] },
  { id: "trusted", reads: ["raw.movies"], writes: ["trusted.movies"] },
  { id: "refined", reads: ["trusted.movies"], writes: ["refined.fact"] },
  { id: "query", reads: ["refined.fact"], writes: [] },
  { id: "chart", reads: ["query"], writes: [] },
  { id: "other", reads: ["raw.series"], writes: [] },
];
const hashes = Object.fromEntries(cells.map((c) => [c.id, `h-${c.id}`]));
const ranInOrder = (): Record<string, LastOkRun> =>
  Object.fromEntries(cells.map((c, n) => [c.id, { seq: n + 1, sourceHash: `h-${c.id}` }]));

describe("staleCells", () => {
  it("marks nothing when every cell ran in order with its current source", () => {
    expect(staleCells({ cells, lastOk: ranInOrder(), sourceHash: hashes })).toEqual(new Set());
  });

  it("marks a cell whose source changed since its last ok run, and everything downstream", () => {
    const stale = staleCells({ cells, lastOk: ranInOrder(), sourceHash: { ...hashes, trusted: "edited" } });
    expect(stale).toEqual(new Set(["trusted", "refined", "query", "chart"]));
  });

  it("marks readers of a table when its writer ran again (upstream re-run), transitively", () => {
    const lastOk = ranInOrder();
    lastOk.ingest = { seq: 100, sourceHash: "h-ingest" };
    const stale = staleCells({ cells, lastOk, sourceHash: hashes });
    expect(stale).toEqual(new Set(["trusted", "refined", "query", "chart"]));
    expect(stale.has("ingest")).toBe(false);
    expect(stale.has("other")).toBe(false);
  });

  it("clears once the downstream cells ran again after the upstream one", () => {
    const lastOk = ranInOrder();
    lastOk.ingest = { seq: 100, sourceHash: "h-ingest" };
    lastOk.trusted = { seq: 101, sourceHash: "h-trusted" };
    lastOk.refined = { seq: 102, sourceHash: "h-refined" };
    lastOk.query = { seq: 103, sourceHash: "h-query" };
    lastOk.chart = { seq: 104, sourceHash: "h-chart" };
    expect(staleCells({ cells, lastOk, sourceHash: hashes })).toEqual(new Set());
  });

  it("never marks a cell that has no ok run, but propagates through it", () => {
    const lastOk = ranInOrder();
    delete lastOk.refined;
    const stale = staleCells({ cells, lastOk, sourceHash: { ...hashes, trusted: "edited" } });
    expect(stale).toEqual(new Set(["trusted", "query", "chart"]));
  });

  it("ignores a cell reading the table it writes itself, and survives cycles", () => {
    const loop: DependencyCell[] = [
      { id: "a", reads: ["t.x", "t.y"], writes: ["t.x"] },
      { id: "b", reads: ["t.x"], writes: ["t.y"] },
    ];
    const lastOk = { a: { seq: 1, sourceHash: "a" }, b: { seq: 2, sourceHash: "b" } };
    // b ran after a and a reads what b writes: a is stale, and through it b.
    expect(staleCells({ cells: loop, lastOk, sourceHash: { a: "a", b: "b" } })).toEqual(new Set(["a", "b"]));
  });
});
