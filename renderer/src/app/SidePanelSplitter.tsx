import { type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from "react";
import { useT } from "../i18n";
import { clampWidth, maxWidthFor, SIDE_PANEL, widthAfterKey } from "./side-panel-size";
import { setSidePanel, useSidePanel } from "./side-panel-store";

/** The window's width, kept current: the panel's widest allowed size follows it. */
export function useWindowWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return width;
}

/**
 * The rail between the notebook and the side panel: a button that hides or shows the panel, and
 * a splitter that resizes it by dragging or with the keyboard (← → by 16 px, Shift by 80, Home and
 * End for the narrowest and widest, Enter hides it), as the WAI-ARIA window splitter pattern asks.
 */
export function SidePanelSplitter({ panelId }: { panelId: string }) {
  const t = useT();
  const { width: saved, collapsed } = useSidePanel();
  const windowWidth = useWindowWidth();
  const width = clampWidth(saved, windowWidth);
  const drag = useRef<{ x: number; width: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    drag.current = { x: event.clientX, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    // The splitter is the panel's left edge: moving it left widens the panel.
    setSidePanel({ width: clampWidth(start.width + start.x - event.clientX, window.innerWidth) });
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      setSidePanel({ collapsed: true });
      return;
    }
    const next = widthAfterKey(event.key, event.shiftKey, width, windowWidth);
    if (next === null) return;
    event.preventDefault();
    setSidePanel({ width: next });
  };

  return (
    <div className="side-rail" data-collapsed={collapsed}>
      <button
        type="button"
        className="side-toggle"
        aria-expanded={!collapsed}
        aria-controls={panelId}
        aria-label={t(collapsed ? "side.expand" : "side.collapse")}
        title={t(collapsed ? "side.expand" : "side.collapse")}
        onClick={() => setSidePanel({ collapsed: !collapsed })}
      >
        <span aria-hidden="true">{collapsed ? "‹" : "›"}</span>
      </button>
      {!collapsed && (
        // biome-ignore lint/a11y/useSemanticElements: a focusable splitter is role="separator" with a value; <hr> cannot take focus or keys.
        <div
          className="side-splitter"
          role="separator"
          tabIndex={0}
          aria-orientation="vertical"
          aria-controls={panelId}
          aria-label={t("side.resize")}
          aria-valuenow={width}
          aria-valuemin={SIDE_PANEL.min}
          aria-valuemax={maxWidthFor(windowWidth)}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onKeyDown={onKeyDown}
        />
      )}
    </div>
  );
}
