import { runCommand } from "../commands/notebook-commands";
import { useT } from "../i18n";
import { displayStatus } from "../state/run-store";
import { useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";
import { type GraphNode, layoutGraph, NODE_HEIGHT, NODE_WIDTH } from "./graph-layout";

const PAD = 8;
const short = (text: string) => (text.length > 22 ? `${text.slice(0, 21)}…` : text);

/** Cells and the tables they read and write, as a graph (drawn) and as sentences (for everyone). */
export function DependencyView() {
  const t = useT();
  const wb = useWorkbench();
  const dependencies = useStore(wb.runs, (s) => s.dependencies);
  const runs = useStore(wb.runs, (s) => s.cells);
  const stale = useStore(wb.runs, (s) => s.stale);
  if (!dependencies) return <p className="placeholder">{t("output.loading")}</p>;
  const graph = layoutGraph(dependencies);
  if (graph.nodes.length === 0) return <p className="placeholder">{t("deps.empty")}</p>;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const statusOf = (node: GraphNode) => displayStatus(runs[node.label], stale.has(node.label));
  const nodeName = (node: GraphNode) =>
    node.kind === "cell"
      ? t("deps.cellNode", { id: node.label, status: t(`status.${statusOf(node)}`) })
      : t("deps.tableNode", { name: node.label });
  const viewBox = `${-PAD} ${-PAD} ${graph.width + 2 * PAD} ${graph.height + 2 * PAD}`;
  return (
    <div className="dependency-view">
      <section
        className="deps-scroll"
        aria-label={t("deps.title")}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the graph scrolls both ways; its tab stop lets the keyboard scroll it
        tabIndex={0}
      >
        <svg
          viewBox={viewBox}
          width={graph.width + 2 * PAD}
          height={graph.height + 2 * PAD}
          role="img"
          aria-labelledby="deps-graph-title"
          className="deps-graph"
        >
          <title id="deps-graph-title">{t("deps.graph")}</title>
          <defs>
            <marker
              id="deps-arrow"
              viewBox="0 0 8 8"
              refX="8"
              refY="4"
              markerWidth="7"
              markerHeight="7"
              orient="auto"
            >
              <path d="M0,0 L8,4 L0,8 z" className="deps-arrowhead" />
            </marker>
          </defs>
          {graph.edges.map((edge) => {
            const from = byId.get(edge.from);
            const to = byId.get(edge.to);
            if (!from || !to) return null;
            const x1 = from.x + NODE_WIDTH / 2;
            const y1 = from.y + NODE_HEIGHT;
            const x2 = to.x + NODE_WIDTH / 2;
            const y2 = to.y;
            const mid = (y1 + y2) / 2;
            return (
              <path
                key={`${edge.from}>${edge.to}`}
                className={`deps-edge deps-${edge.relation}`}
                d={`M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2 - 1}`}
                markerEnd="url(#deps-arrow)"
              />
            );
          })}
          {graph.nodes.map((node) => (
            <g
              key={node.id}
              className={`deps-node deps-${node.kind}${node.kind === "cell" ? ` status-${statusOf(node)}` : ""}`}
            >
              <title>{nodeName(node)}</title>
              <rect
                x={node.x}
                y={node.y}
                width={NODE_WIDTH}
                height={NODE_HEIGHT}
                rx={node.kind === "cell" ? 6 : 14}
              />
              <text
                x={node.x + NODE_WIDTH / 2}
                y={node.y + NODE_HEIGHT / 2}
                dominantBaseline="central"
                textAnchor="middle"
              >
                {short(node.label)}
              </text>
            </g>
          ))}
        </svg>
      </section>
      <ul className="deps-list" aria-label={t("deps.graph")}>
        {graph.edges.map((edge) => {
          const from = byId.get(edge.from);
          const to = byId.get(edge.to);
          if (!from || !to) return null;
          const [cell, table] = edge.relation === "writes" ? [from, to] : [to, from];
          return (
            <li key={`${edge.from}>${edge.to}`}>
              <button
                type="button"
                className="link-button"
                onClick={() => runCommand(wb, "selectCell", cell.label)}
              >
                {t(edge.relation === "writes" ? "deps.writes" : "deps.reads", {
                  cell: cell.label,
                  table: table.label,
                })}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
