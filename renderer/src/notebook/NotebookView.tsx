import { useEffect } from "react";
import { notebookTitle } from "../../../pipeline/document/meta";
import { CellView } from "../cells/CellView";
import { useT } from "../i18n";
import { useCellIds } from "../state/document-store";
import { useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";

/** The notebook: its title and its cells in order. Re-renders only when cells are added, removed or moved. */
export function NotebookView() {
  const wb = useWorkbench();
  const t = useT();
  const ids = useCellIds(wb.doc);
  const title = useStore(wb.doc, (s) => notebookTitle(s.notebook));
  useEffect(() => {
    document.title = `${title} — Lakebook`;
  }, [title]);
  return (
    <>
      <h1 className="notebook-title">{title}</h1>
      <p className="notebook-path">{wb.path}</p>
      {ids.length === 0 && <p className="placeholder">{t("notebook.empty")}</p>}
      <div className="cells">
        {ids.map((id) => (
          <CellView key={id} id={id} />
        ))}
      </div>
    </>
  );
}
