import { useCallback } from "react";
import type { Cell } from "../../../pipeline/document";
import { useT } from "../i18n";
import { select } from "../state/ui-store";
import { useWorkbench } from "../state/workbench-context";
import { ChartSource } from "./chart/ChartSource";
import { CellEditor } from "./editor/CellEditor";
import { languageFor } from "./editor/language";
import { IngestSource } from "./ingest/IngestSource";
import { Markdown } from "./markdown/markdown";

/**
 * The cell's text: Monaco while editing; otherwise rendered Markdown for prose and a plain code view
 * for the rest (cheap: a 200-cell notebook opens without 200 editors).
 */
export function CellSource({ cell, editing }: { cell: Cell; editing: boolean }) {
  const source = <SourceView cell={cell} editing={editing} />;
  // An ingest cell also takes its CSV from a file picker or a drop; a chart cell has a builder.
  if (cell.kind === "chart") return <ChartSource cell={cell}>{source}</ChartSource>;
  return cell.kind === "ingest" ? <IngestSource cellId={cell.id}>{source}</IngestSource> : source;
}

function SourceView({ cell, editing }: { cell: Cell; editing: boolean }) {
  const t = useT();
  const wb = useWorkbench();
  const { id } = cell;
  const onChange = useCallback(
    (source: string) => wb.doc.dispatch({ type: "editSource", id, source }),
    [wb, id],
  );
  const edit = () => select(wb.ui, id, "edit");
  if (editing) {
    return (
      <CellEditor
        cellId={id}
        language={languageFor(cell)}
        value={cell.source}
        ariaLabel={t("cell.source", { id })}
        onChange={onChange}
        autoFocus
      />
    );
  }
  if (cell.kind === "markdown") {
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: double-click edits, a mouse shortcut for Enter on the focused cell
      <div className="markdown-view" onDoubleClick={edit}>
        {cell.source.trim() ? (
          <Markdown source={cell.source} />
        ) : (
          <p className="placeholder">{t("cell.emptyMarkdown")}</p>
        )}
      </div>
    );
  }
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click edits, a mouse shortcut for Enter on the focused cell
    <pre className="cell-code" onClick={edit}>
      <code>{cell.source || " "}</code>
    </pre>
  );
}
