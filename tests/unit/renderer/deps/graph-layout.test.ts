import { describe, expect, it } from "vitest";
import { layoutGraph } from "../../../../renderer/src/deps/graph-layout";

describe("layoutGraph", () => {
  it("places each node one layer below what points at it, tables between cells", () => {
    const graph = layoutGraph([
      { id: "intro", reads: [], writes: [] },
      { id: "ingest", reads: [], writes: ["raw.movies"] },
      { id: "trusted", reads: ["raw.movies"], writes: ["trusted.movies"] },
      { id: "query", reads: ["trusted.movies"], writes: [] },
      { id: "chart", reads: ["query"], writes: [] },
    ]);
    const layer = Object.fromEntries(graph.nodes.map((n) => [n.label, n.layer]));
    expect(layer).toEqual({
      ingest: 0,
      "raw.movies": 1,
      trusted: 2,
      "trusted.movies": 3,
      query: 4,
      chart: 5,
    });
    expect(graph.nodes.find((n) => n.label === "intro")).toBeUndefined();
    expect(graph.edges).toContainEqual({ from: "cell:query", to: "cell:chart", relation: "reads" });
    expect(graph.edges).toContainEqual({ from: "cell:ingest", to: "table:raw.movies", relation: "writes" });
    const ys = graph.nodes.map((n) => n.y);
    expect(Math.max(...ys)).toBeLessThan(graph.height);
  });

  it("survives a cycle", () => {
    const graph = layoutGraph([
      { id: "a", reads: ["t.y"], writes: ["t.x"] },
      { id: "b", reads: ["t.x"], writes: ["t.y"] },
    ]);
    expect(graph.nodes).toHaveLength(4);
  });
});
