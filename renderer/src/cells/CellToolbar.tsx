import { type FocusEvent, type KeyboardEvent, type ReactNode, useLayoutEffect, useRef } from "react";
import { rovingIndex } from "./roving";

const NOT_OURS = "[role=menu], [role=dialog]";

/** The toolbar's own buttons, not those of a menu or dialog it opened. */
function buttonsOf(toolbar: HTMLElement | null): HTMLButtonElement[] {
  if (!toolbar) return [];
  return [...toolbar.querySelectorAll<HTMLButtonElement>("button")].filter(
    (button) => !button.closest(NOT_OURS),
  );
}

/** The buttons the arrows stop at: the enabled ones. */
const itemsOf = (toolbar: HTMLElement | null) => buttonsOf(toolbar).filter((button) => !button.disabled);

/**
 * A cell's buttons as one stop in the Tab order (WAI-ARIA toolbar): Tab enters on the button used
 * last, the arrows, Home and End move between them. With six buttons a cell, reaching the side panel
 * of the demo notebook took 250 Tab presses.
 */
export function CellToolbar({ label, children }: { label: string; children: ReactNode }) {
  const toolbar = useRef<HTMLDivElement>(null);
  const active = useRef<{ button: HTMLButtonElement | null; index: number }>({ button: null, index: 0 });

  const rove = (focused?: HTMLButtonElement) => {
    const items = itemsOf(toolbar.current);
    let index = items.indexOf(focused ?? (active.current.button as HTMLButtonElement));
    // The button used last went away or was disabled (Move up on the first cell): its neighbour.
    if (index < 0) index = Math.min(active.current.index, items.length - 1);
    active.current = { button: items[index] ?? null, index: Math.max(0, index) };
    for (const button of buttonsOf(toolbar.current)) button.tabIndex = button === items[index] ? 0 : -1;
  };

  // After every render: buttons come, go and change (Run ↔ Stop, Move up disabled on the first cell).
  useLayoutEffect(() => rove());

  const onFocus = (event: FocusEvent) => {
    if (event.target instanceof HTMLButtonElement && itemsOf(toolbar.current).includes(event.target))
      rove(event.target);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // Keys pressed in a menu or dialog it opened bubble here through React (even from a portal).
    const target = event.target;
    if (!(target instanceof HTMLElement) || !toolbar.current?.contains(target) || target.closest(NOT_OURS))
      return;
    const items = itemsOf(toolbar.current);
    const next = rovingIndex(event.key, items.indexOf(target as HTMLButtonElement), items.length);
    if (next === null || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    items[next]?.focus();
  };

  return (
    <div
      ref={toolbar}
      className="cell-actions"
      role="toolbar"
      aria-label={label}
      aria-orientation="horizontal"
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      {children}
    </div>
  );
}
