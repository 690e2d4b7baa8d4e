import { useMemo } from "react";
import { CellCommandButton } from "../commands/CellCommandButton";
import { useT } from "../i18n";
import { useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";
import { notebookOutline } from "./outline";

/** The headings of the notebook as a list of links: each selects its cell and scrolls to it. */
export function NotebookOutline() {
  const t = useT();
  const wb = useWorkbench();
  const cells = useStore(wb.doc, (s) => s.notebook.cells);
  const headings = useMemo(() => notebookOutline(cells), [cells]);
  if (headings.length === 0) return <p className="placeholder">{t("outline.empty")}</p>;
  // Keyed by cell and place inside it, so moving a cell moves its headings instead of redrawing the list.
  const seen = new Map<string, number>();
  const keys = headings.map(({ cellId }) => {
    const nth = seen.get(cellId) ?? 0;
    seen.set(cellId, nth + 1);
    return `${cellId}#${nth}`;
  });
  return (
    <nav aria-label={t("outline.title")}>
      <ol className="outline">
        {headings.map((heading, index) => (
          <li key={keys[index]} data-level={heading.level}>
            <CellCommandButton
              command="selectCell"
              cellId={heading.cellId}
              label={t("outline.goTo", { heading: heading.text })}
              className="link"
            >
              {heading.text}
            </CellCommandButton>
          </li>
        ))}
      </ol>
    </nav>
  );
}
