import type { Cell } from "../../../pipeline/document";
import { useWorkbench } from "../app/workbench-context";
import { useT } from "../i18n";
import { deleteSelected, duplicateSelected, moveSelected } from "../notebook/actions";
import { select } from "../notebook/ui-store";
import type { DisplayStatus } from "../run/run-store";
import { Icon } from "../ui/Icon";
import { kindLabel } from "./kind-label";

interface CellHeaderProps {
  cell: Cell;
  status: DisplayStatus;
  isFirst: boolean;
  isLast: boolean;
}

/** Kind, id, status and the cell's own buttons. Buttons act on this cell (they select it first). */
export function CellHeader({ cell, status, isFirst, isLast }: CellHeaderProps) {
  const t = useT();
  const wb = useWorkbench();
  const { id } = cell;
  const onThis = (action: () => void) => () => {
    select(wb.ui, id);
    action();
  };
  const busy = status === "running" || status === "queued";
  return (
    <div className="cell-header">
      <span className="cell-kind">{kindLabel(t, cell.kind)}</span>
      <span className="cell-id">{id}</span>
      <span className={`cell-status status-${status}`}>{t(`status.${status}`)}</span>
      <span className="cell-actions">
        {busy ? (
          <button
            type="button"
            aria-label={t("cell.stop", { id })}
            title={t("cell.stop", { id })}
            onClick={() => (status === "queued" ? wb.queue.remove(id) : wb.queue.cancel())}
          >
            <Icon name="stop" />
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            aria-label={t("cell.run", { id })}
            title={t("cell.run", { id })}
            onClick={onThis(() => wb.queue.enqueue([id], { stopOnError: false }))}
          >
            <Icon name="run" />
          </button>
        )}
        <button
          type="button"
          aria-label={t("cell.edit", { id })}
          title={t("cell.edit", { id })}
          onClick={() => select(wb.ui, id, "edit")}
        >
          <Icon name="edit" />
        </button>
        <button
          type="button"
          aria-label={t("cell.moveUp", { id })}
          title={t("cell.moveUp", { id })}
          disabled={isFirst}
          onClick={onThis(() => moveSelected(wb, -1))}
        >
          <Icon name="up" />
        </button>
        <button
          type="button"
          aria-label={t("cell.moveDown", { id })}
          title={t("cell.moveDown", { id })}
          disabled={isLast}
          onClick={onThis(() => moveSelected(wb, 1))}
        >
          <Icon name="down" />
        </button>
        <button
          type="button"
          aria-label={t("cell.duplicate", { id })}
          title={t("cell.duplicate", { id })}
          onClick={onThis(() => duplicateSelected(wb))}
        >
          <Icon name="duplicate" />
        </button>
        <button
          type="button"
          aria-label={t("cell.delete", { id })}
          title={t("cell.delete", { id })}
          onClick={onThis(() => deleteSelected(wb))}
        >
          <Icon name="delete" />
        </button>
      </span>
    </div>
  );
}
