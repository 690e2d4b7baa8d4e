import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { type Cell, KNOWN_CELL_KINDS } from "../../../pipeline/document";
import { useT } from "../i18n";
import { kindLabel } from "./kind-label";
import { moveFocusInList } from "./roving";
import { useKindChange } from "./use-kind-change";

/**
 * The cell's menu (the toolbar's ⋯): change the cell's kind. The cell keeps its id, and its text when
 * the new kind can read it; otherwise it asks before starting from that kind's starter text.
 */
export function CellMenu({ cell, disabled }: { cell: Cell; disabled: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const { id } = cell;

  useEffect(() => {
    if (!open) return;
    const items = [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitemradio]") ?? [])];
    (items.find((item) => item.getAttribute("aria-checked") === "true") ?? items[0])?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const kindChange = useKindChange(cell, () => button.current?.focus());
  const choose = (kind: string) => {
    close();
    kindChange.choose(kind);
  };
  const onMenuKey = (event: KeyboardEvent) => {
    if (event.key === "Escape" || event.key === "Tab") {
      // Back on the ⋯ button, so Tab goes on from the toolbar (the item it left is about to go).
      if (event.key === "Escape") event.preventDefault();
      close();
      return;
    }
    moveFocusInList(event, [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitemradio]") ?? [])]);
  };

  return (
    <span className="cell-menu">
      <button
        ref={button}
        type="button"
        aria-label={t("cell.menu", { id })}
        title={t("cell.menu", { id })}
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div
          ref={menu}
          className="cell-menu-popup"
          role="menu"
          aria-label={t("cell.changeKindOf", { id })}
          onKeyDown={onMenuKey}
          onBlur={(event) => {
            // Focus left the menu (a click elsewhere): it closes, as a native menu does.
            if (
              !menu.current?.contains(event.relatedTarget as Node | null) &&
              event.relatedTarget !== button.current
            )
              setOpen(false);
          }}
        >
          <div className="cell-menu-heading" aria-hidden="true">
            {t("cell.changeKindOf", { id })}
          </div>
          {KNOWN_CELL_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              role="menuitemradio"
              aria-checked={kind === cell.kind}
              tabIndex={-1}
              onClick={() => choose(kind)}
            >
              {kindLabel(t, kind)}
            </button>
          ))}
        </div>
      )}
      {kindChange.confirm}
    </span>
  );
}
