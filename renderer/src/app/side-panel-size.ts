/**
 * How wide the side panel may be, and where each key moves the splitter. Pure, so the limits are
 * tested without a browser. The value is the panel's width in CSS pixels; the splitter sits on the
 * panel's left edge, so ← widens it and → narrows it.
 */

export const SIDE_PANEL = {
  /** The lake browser's trees and the dependency list stay readable down to this. */
  min: 240,
  /** Past this the panel only wastes the notebook's room. */
  max: 800,
  initial: 400,
  /** The notebook keeps at least this much of the window, whatever the panel asks for. */
  notebookMin: 360,
  step: 16,
  bigStep: 80,
} as const;

export interface SidePanelPrefs {
  width: number;
  collapsed: boolean;
}

/** The widest the panel may be in a window `windowWidth` pixels wide (never below `min`). */
export function maxWidthFor(windowWidth: number): number {
  return Math.max(SIDE_PANEL.min, Math.min(SIDE_PANEL.max, windowWidth - SIDE_PANEL.notebookMin));
}

/** A width the panel may have in this window; anything unreadable (NaN, a string) is the initial width. */
export function clampWidth(width: unknown, windowWidth: number): number {
  const asked = typeof width === "number" && Number.isFinite(width) ? width : SIDE_PANEL.initial;
  return Math.round(Math.min(maxWidthFor(windowWidth), Math.max(SIDE_PANEL.min, asked)));
}

/** The width a key on the splitter asks for, or null for a key the splitter does not take. */
export function widthAfterKey(
  key: string,
  shift: boolean,
  width: number,
  windowWidth: number,
): number | null {
  const step = shift ? SIDE_PANEL.bigStep : SIDE_PANEL.step;
  switch (key) {
    case "ArrowLeft":
      return clampWidth(width + step, windowWidth);
    case "ArrowRight":
      return clampWidth(width - step, windowWidth);
    case "Home":
      return SIDE_PANEL.min;
    case "End":
      return maxWidthFor(windowWidth);
    default:
      return null;
  }
}

/** Reads what localStorage kept; a missing or damaged entry gives the defaults. */
export function parsePrefs(saved: string | null | undefined): SidePanelPrefs {
  const defaults = { width: SIDE_PANEL.initial, collapsed: false };
  if (!saved) return defaults;
  try {
    const value = JSON.parse(saved) as Partial<SidePanelPrefs> | null;
    return {
      width: typeof value?.width === "number" && Number.isFinite(value.width) ? value.width : defaults.width,
      collapsed: value?.collapsed === true,
    };
  } catch {
    return defaults;
  }
}
