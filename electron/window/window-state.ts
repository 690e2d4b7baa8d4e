/** Where the window was, so the next launch opens it there: pure, so it is tested without screens. */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 860 } as const;
export const MIN_SIZE = { width: 640, height: 480 } as const;

/**
 * The bounds to open the window with, given what was saved (anything read from disk) and the work
 * areas of the displays connected now. A window saved on a display that is gone, or larger than
 * the display it lands on, is moved and shrunk to fit; with nothing usable saved it is centred on
 * the primary display (the first work area).
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const state = parseWindowState(saved);
  if (!state) return { bounds: centred(DEFAULT_SIZE, primary), maximized: false };
  const shown = bestArea(state.bounds, workAreas);
  const area = shown ?? primary;
  const width = clamp(state.bounds.width, Math.min(MIN_SIZE.width, area.width), area.width);
  const height = clamp(state.bounds.height, Math.min(MIN_SIZE.height, area.height), area.height);
  // Its display is gone: the same size, centred where the user will see it.
  if (!shown) return { bounds: centred({ width, height }, primary), maximized: state.maximized };
  const x = clamp(state.bounds.x, area.x, area.x + area.width - width);
  const y = clamp(state.bounds.y, area.y, area.y + area.height - height);
  return { bounds: { x, y, width, height }, maximized: state.maximized };
}

/** The display that shows most of the saved window; undefined when none shows any of it. */
function bestArea(bounds: Rect, workAreas: readonly Rect[]): Rect | undefined {
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(bounds, area);
    if (overlap > bestOverlap) {
      best = area;
      bestOverlap = overlap;
    }
  }
  return best;
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.round(Math.min(Math.max(value, min), Math.max(min, max)));
}

/** A saved state, or undefined for anything malformed (a hand-edited or truncated file). */
export function parseWindowState(value: unknown): WindowState | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== "object" || bounds === null) return undefined;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  const numbers = [x, y, width, height];
  if (!numbers.every((n) => typeof n === "number" && Number.isFinite(n))) return undefined;
  if ((width as number) <= 0 || (height as number) <= 0) return undefined;
  return {
    bounds: { x: x as number, y: y as number, width: width as number, height: height as number },
    maximized: maximized === true,
  };
}
