import type { DependencyCell } from "../run/stale";

export interface GraphNode {
  id: string;
  kind: "cell" | "table";
  label: string;
  layer: number;
  x: number;
  y: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** "writes": cell → table; "reads": table → cell (or cell → cell for a `source=` reference). */
  relation: "reads" | "writes";
}

export interface GraphLayout {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

export const NODE_WIDTH = 170;
export const NODE_HEIGHT = 30;
const GAP_X = 16;
const GAP_Y = 34;

const cellKey = (id: string) => `cell:${id}`;
const tableKey = (name: string) => `table:${name}`;

/**
 * Cells and tables as a layered graph flowing top to bottom: each node sits one layer below the
 * deepest node pointing at it (longest path), so a pipeline reads in order. Cycles are cut.
 */
export function layoutGraph(cells: readonly DependencyCell[]): GraphLayout {
  const cellIds = new Set(cells.map((c) => c.id));
  const involved = cells.filter((c) => c.reads.length > 0 || c.writes.length > 0);
  const nodes = new Map<string, Omit<GraphNode, "layer" | "x" | "y">>();
  const edges: GraphEdge[] = [];
  const addTable = (name: string) =>
    nodes.set(tableKey(name), { id: tableKey(name), kind: "table", label: name });
  for (const cell of involved)
    nodes.set(cellKey(cell.id), { id: cellKey(cell.id), kind: "cell", label: cell.id });
  for (const cell of involved) {
    for (const name of cell.writes) {
      addTable(name);
      edges.push({ from: cellKey(cell.id), to: tableKey(name), relation: "writes" });
    }
    for (const name of cell.reads) {
      if (cellIds.has(name)) {
        nodes.set(cellKey(name), { id: cellKey(name), kind: "cell", label: name });
        edges.push({ from: cellKey(name), to: cellKey(cell.id), relation: "reads" });
      } else {
        addTable(name);
        edges.push({ from: tableKey(name), to: cellKey(cell.id), relation: "reads" });
      }
    }
  }

  const incoming = new Map<string, string[]>([...nodes.keys()].map((k) => [k, []]));
  for (const edge of edges) if (edge.from !== edge.to) incoming.get(edge.to)?.push(edge.from);
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const d = Math.max(-1, ...(incoming.get(id) ?? []).map(depth)) + 1;
    visiting.delete(id);
    layer.set(id, d);
    return d;
  };
  for (const id of nodes.keys()) depth(id);

  const rows = new Map<number, string[]>();
  for (const id of nodes.keys()) {
    const l = layer.get(id) ?? 0;
    rows.set(l, [...(rows.get(l) ?? []), id]);
  }
  // Order each layer by where its parents sit (barycentre), so edges cross less.
  const position = new Map<string, number>();
  for (const [, ids] of [...rows.entries()].sort((a, b) => a[0] - b[0])) {
    const weight = (id: string) => {
      const parents = (incoming.get(id) ?? []).filter((p) => position.has(p));
      return parents.length === 0
        ? Number.POSITIVE_INFINITY
        : parents.reduce((sum, p) => sum + (position.get(p) ?? 0), 0) / parents.length;
    };
    const weights = new Map(ids.map((id) => [id, weight(id)]));
    ids.sort((a, b) => {
      const wa = weights.get(a) as number;
      const wb = weights.get(b) as number;
      return wa === wb ? 0 : wa < wb ? -1 : 1;
    });
    ids.forEach((id, n) => {
      position.set(id, n - (ids.length - 1) / 2);
    });
  }
  const widest = Math.max(0, ...[...rows.values()].map((r) => r.length));
  const width = widest * NODE_WIDTH + Math.max(0, widest - 1) * GAP_X;
  const placed: GraphNode[] = [];
  for (const [l, ids] of [...rows.entries()].sort((a, b) => a[0] - b[0])) {
    const rowWidth = ids.length * NODE_WIDTH + (ids.length - 1) * GAP_X;
    ids.forEach((id, n) => {
      const node = nodes.get(id) as Omit<GraphNode, "layer" | "x" | "y">;
      placed.push({
        ...node,
        layer: l,
        x: (width - rowWidth) / 2 + n * (NODE_WIDTH + GAP_X),
        y: l * (NODE_HEIGHT + GAP_Y),
      });
    });
  }
  const layers = rows.size;
  return { nodes: placed, edges, width, height: layers * NODE_HEIGHT + Math.max(0, layers - 1) * GAP_Y };
}
