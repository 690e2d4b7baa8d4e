import { type ReactNode, useState } from "react";
import { createPortal } from "react-dom";
import { type BodyShape, type Cell, changeCellKind } from "../../../pipeline/document";
import { useT } from "../i18n";
import { announce } from "../state/announcer";
import { useWorkbench } from "../state/workbench-context";
import { Dialog } from "../ui/Dialog";
import { applyKindChange, starterOfKind } from "./kind-change";
import { kindLabel } from "./kind-label";

/**
 * Choosing a new kind for `cell`, as the ⋯ menu and the palette's "Change cell kind…" both do: the
 * cell keeps its id, and its text when the new kind can read it; otherwise `confirm` (a dialog on the
 * page) asks before starting from that kind's starter text. `settle` runs once the choice is over
 * (changed, the same kind, or the question answered "keep it"), before the change is applied, so
 * the caller can put focus back where it belongs.
 */
export function useKindChange(
  cell: Cell,
  settle: () => void,
): { choose(kind: string): void; confirm: ReactNode } {
  const t = useT();
  const wb = useWorkbench();
  const [asking, setAsking] = useState<{ kind: string; expected: BodyShape } | null>(null);
  const { id } = cell;

  const done = (next: Cell) => {
    settle();
    applyKindChange(wb, next);
    announce(t("cell.kindChanged", { id, kind: kindLabel(t, next.kind) }));
  };
  const choose = (kind: string) => {
    if (kind === cell.kind) {
      settle();
      return;
    }
    const change = changeCellKind(cell, kind);
    if (change.fits) done(change.cell);
    else setAsking({ kind, expected: change.expected });
  };
  const keep = () => {
    setAsking(null);
    settle();
  };

  const confirm =
    asking &&
    // On the page, not inside the cell: a dialog is not one of the toolbar's buttons.
    createPortal(
      <Dialog
        id={`kind-change-${id}`}
        title={t("cell.kindConfirmTitle", { id, kind: kindLabel(t, asking.kind) })}
        onClose={keep}
      >
        <p>
          {t("cell.kindMisfit", {
            id,
            kind: kindLabel(t, asking.kind),
            expected: t(`cell.kindExpect.${asking.expected}`),
          })}{" "}
          {t("cell.kindStarter", { kind: kindLabel(t, asking.kind) })}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={keep}>
            {t("cell.kindCancel")}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              const kind = asking.kind;
              setAsking(null);
              done(starterOfKind(wb, id, kind));
            }}
          >
            {t("cell.kindReplace")}
          </button>
        </div>
      </Dialog>,
      document.body,
    );
  return { choose, confirm };
}
