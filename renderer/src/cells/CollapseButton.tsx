import { useT } from "../i18n";
import { useWorkbench } from "../state/workbench-context";
import { type CellPart, collapseStore, toggleCollapsed, useCollapsed } from "./collapse";

/** Folds or unfolds a cell's code or output (as in Jupyter), for this session only. */
export function CollapseButton({ id, part }: { id: string; part: CellPart }) {
  const t = useT();
  const wb = useWorkbench();
  const collapsed = useCollapsed(wb, id, part);
  const label =
    part === "source"
      ? t(collapsed ? "cell.expandCode" : "cell.collapseCode", { id })
      : t(collapsed ? "cell.expandOutput" : "cell.collapseOutput", { id });
  return (
    <button
      type="button"
      className="cell-collapse"
      data-part={part}
      aria-label={label}
      title={label}
      aria-expanded={!collapsed}
      onClick={() => collapseStore(wb).set((s) => toggleCollapsed(s, id, part))}
    >
      <span aria-hidden="true">{part === "source" ? "{ }" : "▤"}</span>
      <span aria-hidden="true" className="cell-collapse-arrow">
        {collapsed ? "▸" : "▾"}
      </span>
    </button>
  );
}
