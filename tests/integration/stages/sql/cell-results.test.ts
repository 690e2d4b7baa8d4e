import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Cell } from "../../../../pipeline/document";
import { cellDependencies } from "../../../../pipeline/stages";
import { sqlStage } from "../../../../pipeline/stages/sql";
import { type IngestBench, ingestBench } from "../ingest/helpers";

/** A SQL cell reads an earlier SQL cell's result as cell_<id>; stale tracking knows the link. */
let bench: IngestBench;
beforeEach(async () => {
  bench = await ingestBench();
  await bench.engine.run(
    "CREATE SCHEMA refined; CREATE TABLE refined.t AS SELECT * FROM (VALUES ('a', 3), ('b', 5), ('a', 4)) AS v(k, n)",
  );
});
afterEach(async () => {
  await bench.close();
});

const sql = (id: string, source: string): Cell => ({ id, kind: "sql", attrs: [], source });
const cells: Cell[] = [
  sql("totals", "SELECT k, sum(n) AS total FROM refined.t GROUP BY k;"),
  sql(
    "top",
    "-- the largest\nWITH ranked AS (SELECT * FROM cell_totals)\nSELECT k FROM ranked ORDER BY total DESC LIMIT 1",
  ),
];

describe("cell_<id>: an earlier SQL cell's result", () => {
  it("reads it, also from a WITH query", async () => {
    const context = bench.context({ notebook: { meta: { lakebook: 1, title: "x" }, cells } });
    const outcome = await sqlStage.run(cells[1] as Cell, context);
    expect(outcome.output).toMatchObject({ type: "table", result: { rows: [{ k: "a" }] } });
  });

  it("is a dependency: the reader reads cell_<id>, the cell read writes it", () => {
    const deps = cellDependencies(cells);
    expect(deps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: "totals", writes: ["cell_totals"], reads: ["refined.t"] }),
        expect.objectContaining({ id: "top", reads: ["cell_totals"], writes: [] }),
      ]),
    );
  });
});
