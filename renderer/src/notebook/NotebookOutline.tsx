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
  return (
    <nav aria-label={t("outline.title")}>
      <ol className="outline">
        {headings.map((heading, index) => (
          <li key={`${heading.cellId}-${index}`} data-level={heading.level}>
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
