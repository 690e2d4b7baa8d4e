import { memo, useEffect, useRef } from "react";
import { useT } from "../i18n";
import { CellOutput } from "../outputs/CellOutput";
import { cellById, useCell } from "../state/document-store";
import { displayStatus } from "../state/run-store";
import { useStore } from "../state/store";
import { select } from "../state/ui-store";
import { useWorkbench } from "../state/workbench-context";
import { CellFooter } from "./CellFooter";
import { CellHeader } from "./CellHeader";
import { CellSource } from "./CellSource";
import { collapseStore, firstLine, toggleCollapsed, useCollapsed } from "./collapse";
import "./cells.css";
import { kindLabel } from "./kind-label";
import { reportRender } from "./render-probe";

/**
 * One cell. Memoised by id and subscribed only to its own slices of the three stores, so typing in
 * one cell re-renders that cell alone.
 */
export const CellView = memo(function CellView({ id }: { id: string }) {
  reportRender(id);
  const wb = useWorkbench();
  const t = useT();
  const cell = useCell(wb.doc, id);
  const isFirst = useStore(wb.doc, (s) => s.notebook.cells[0]?.id === id);
  const isLast = useStore(wb.doc, (s) => s.notebook.cells.at(-1)?.id === id);
  const run = useStore(wb.runs, (s) => s.cells[id]);
  const stale = useStore(wb.runs, (s) => s.stale.has(id));
  const queuePosition = useStore(wb.runs, (s) => s.queue.indexOf(id));
  const selected = useStore(wb.ui, (s) => s.selectedId === id);
  const editing = useStore(wb.ui, (s) => s.selectedId === id && s.mode === "edit");
  const focusTick = useStore(wb.ui, (s) => (s.selectedId === id ? s.focusTick : -1));
  const codeCollapsed = useCollapsed(wb, id, "source");
  const outputCollapsed = useCollapsed(wb, id, "output");
  const article = useRef<HTMLElement>(null);

  useEffect(() => {
    const element = article.current;
    if (focusTick < 0 || !element) return;
    if (wb.ui.get().scrollOnFocus) element.scrollIntoView?.({ block: "nearest" });
    if (!editing && !element.contains(document.activeElement)) element.focus({ preventScroll: true });
  }, [focusTick, editing, wb.ui]);

  if (!cell) return null;
  const status = displayStatus(run, stale);
  const hasOutput =
    run !== undefined && run.status !== "running" && (run.output !== undefined || run.error !== undefined);
  return (
    <article
      ref={article}
      className={`cell${selected ? " selected" : ""}${editing ? " editing" : ""}`}
      tabIndex={selected ? 0 : -1}
      data-cell-id={id}
      data-kind={cell.kind}
      data-status={status}
      aria-label={t("cell.label", { kind: kindLabel(t, cell.kind), id })}
      onMouseDown={() => {
        // A click selects without scrolling: the cell is in view, and moving it would move the click's target.
        if (!selected && cellById(wb.doc.get().notebook.cells, id))
          select(wb.ui, id, "command", { scroll: false });
      }}
      onFocus={(event) => {
        if (event.target.closest("[data-cell-editor]") && !editing)
          select(wb.ui, id, "edit", { scroll: false });
      }}
    >
      <CellHeader cell={cell} status={status} isFirst={isFirst} isLast={isLast} hasOutput={hasOutput} />
      {/* Editing a folded cell shows all of it: the editor is where the text is typed. */}
      {codeCollapsed && !editing ? (
        // biome-ignore lint/a11y/useKeyWithClickEvents: a click unfolds, a mouse shortcut for the header's fold button
        <pre
          className="cell-code cell-code-collapsed"
          title={t("cell.codeCollapsed")}
          onClick={() => collapseStore(wb).set((s) => toggleCollapsed(s, id, "source"))}
        >
          <code>{firstLine(cell.source) || " "}</code>
          <span aria-hidden="true"> …</span>
        </pre>
      ) : (
        <CellSource cell={cell} editing={editing} />
      )}
      <CellFooter run={run} kind={cell.kind} queuePosition={queuePosition} />
      {outputCollapsed && hasOutput ? (
        <p className="cell-output-collapsed">{t("cell.outputCollapsed")}</p>
      ) : (
        <CellOutput cellId={id} run={run} />
      )}
    </article>
  );
});
