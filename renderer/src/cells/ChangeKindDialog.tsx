import { type KeyboardEvent, useEffect, useRef } from "react";
import { type Cell, KNOWN_CELL_KINDS } from "../../../pipeline/document";
import { useT } from "../i18n";
import { useStore } from "../state/store";
import { useWorkbench } from "../state/workbench-context";
import { Dialog } from "../ui/Dialog";
import { kindLabel } from "./kind-label";
import { moveFocusInList } from "./roving";
import { useKindChange } from "./use-kind-change";

/**
 * The palette's "Change cell kind…": the selected cell's kinds to pick from, the same choices and the
 * same question as its ⋯ menu (`useKindChange`). Closes by itself when no cell is selected.
 */
export function ChangeKindDialog({ onClose }: { onClose(): void }) {
  const wb = useWorkbench();
  const selectedId = useStore(wb.ui, (s) => s.selectedId);
  const cell = useStore(wb.doc, (s) => s.notebook.cells.find((c) => c.id === selectedId));
  useEffect(() => {
    if (!cell) onClose();
  }, [cell, onClose]);
  return cell ? <KindPicker cell={cell} onClose={onClose} /> : null;
}

function KindPicker({ cell, onClose }: { cell: Cell; onClose(): void }) {
  const t = useT();
  const list = useRef<HTMLFieldSetElement>(null);
  const { choose, confirm } = useKindChange(cell, onClose);
  const { id } = cell;

  useEffect(() => {
    // After the dialog's own focus (its first control, the ✕): start on the cell's kind, as the menu does.
    list.current?.querySelector<HTMLElement>("[aria-pressed=true]")?.focus();
  }, []);

  if (confirm) return confirm;
  const onKeyDown = (event: KeyboardEvent) => {
    moveFocusInList(event, [...(list.current?.querySelectorAll<HTMLElement>("button") ?? [])]);
  };
  return (
    <Dialog id="change-kind" title={t("cell.changeKindOf", { id })} onClose={onClose}>
      <fieldset ref={list} className="kind-choices" aria-labelledby="change-kind-title" onKeyDown={onKeyDown}>
        {KNOWN_CELL_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="kind-choice"
            aria-pressed={kind === cell.kind}
            onClick={() => choose(kind)}
          >
            {kindLabel(t, kind)}
          </button>
        ))}
      </fieldset>
    </Dialog>
  );
}
