import type { Cell } from "../../../../pipeline/document";
import { Engine } from "../../../../pipeline/engine";

/** A small engine with one table `t`: groups a/b, numbers with a NULL, dates with a NULL. */
export async function chartEngine(): Promise<Engine> {
  const engine = await Engine.open({ threads: 1 });
  await engine.run(`CREATE TABLE t AS SELECT * FROM (VALUES
    ('a', 1.0, DATE '2020-01-15'),
    ('a', 3.0, DATE '2020-02-01'),
    ('b', 5.0, DATE '2021-03-01'),
    ('b', NULL, DATE '2021-03-20'),
    ('b', 10.0, NULL)
  ) v(g, x, d)`);
  return engine;
}

export const sourceCell: Cell = { id: "rows", kind: "sql", attrs: [], source: "SELECT * FROM t;" };

export function chartCell(spec: unknown, attrs: Cell["attrs"] = [{ key: "source", value: "rows" }]): Cell {
  return {
    id: "chart",
    kind: "chart",
    attrs,
    source: typeof spec === "string" ? spec : JSON.stringify(spec, null, 2),
  };
}
