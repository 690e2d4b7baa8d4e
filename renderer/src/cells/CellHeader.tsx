import type { Cell } from "../../../pipeline/document";
import { CellCommandButton } from "../commands/CellCommandButton";
import { useT } from "../i18n";
import type { DisplayStatus } from "../state/run-store";
import { useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";
import { Icon } from "../ui/Icon";
import { CellMenu } from "./CellMenu";
import { CellToolbar } from "./CellToolbar";
import { CollapseButton } from "./CollapseButton";
import { cellEngine } from "./cell-engine";
import { kindLabel } from "./kind-label";

/** The front matter's target kind; anything but `aws` runs locally, as the service reads it. */
function targetKindOf(target: unknown): "local" | "aws" {
  return (target as { kind?: unknown } | undefined)?.kind === "aws" ? "aws" : "local";
}

interface CellHeaderProps {
  cell: Cell;
  status: DisplayStatus;
  isFirst: boolean;
  isLast: boolean;
  /** Whether a run left something under the cell (an output or an error) to fold away. */
  hasOutput: boolean;
}

/**
 * Kind, id, status and the cell's own buttons, one toolbar (one Tab stop). Each command button runs a
 * registered command on this cell (the same one the toolbar, keyboard and palette run on the
 * selected cell); all but Stop select the cell first. Then folding its code and output, and its menu.
 */
export function CellHeader({ cell, status, isFirst, isLast, hasOutput }: CellHeaderProps) {
  const t = useT();
  const wb = useWorkbench();
  const targetKind = useStore(wb.doc, (s) => targetKindOf(s.notebook.meta.target));
  const engine = cellEngine(cell, targetKind);
  const { id } = cell;
  const busy = status === "running" || status === "queued";
  return (
    <div className="cell-header">
      <span className="cell-kind">{kindLabel(t, cell.kind)}</span>
      <span className="cell-id">{id}</span>
      {engine && (
        <span className="cell-engine" data-engine={engine} title={t("engine.label", { engine: t(engine) })}>
          {t(engine)}
        </span>
      )}
      <span className={`cell-status status-${status}`}>{t(`status.${status}`)}</span>
      <CellToolbar label={t("cell.toolbar", { id })}>
        {busy ? (
          <CellCommandButton command="stopCell" cellId={id} label={t("cell.stop", { id })}>
            <Icon name="stop" />
          </CellCommandButton>
        ) : (
          <CellCommandButton command="runCell" cellId={id} label={t("cell.run", { id })} className="primary">
            <Icon name="run" />
          </CellCommandButton>
        )}
        <CellCommandButton command="editMode" cellId={id} label={t("cell.edit", { id })}>
          <Icon name="edit" />
        </CellCommandButton>
        <CellCommandButton command="moveUp" cellId={id} label={t("cell.moveUp", { id })} disabled={isFirst}>
          <Icon name="up" />
        </CellCommandButton>
        <CellCommandButton
          command="moveDown"
          cellId={id}
          label={t("cell.moveDown", { id })}
          disabled={isLast}
        >
          <Icon name="down" />
        </CellCommandButton>
        <CellCommandButton command="duplicateCell" cellId={id} label={t("cell.duplicate", { id })}>
          <Icon name="duplicate" />
        </CellCommandButton>
        <CellCommandButton command="deleteCell" cellId={id} label={t("cell.delete", { id })}>
          <Icon name="delete" />
        </CellCommandButton>
        <CollapseButton id={id} part="source" />
        {hasOutput && <CollapseButton id={id} part="output" />}
        <CellMenu cell={cell} disabled={busy} />
      </CellToolbar>
    </div>
  );
}
