/**
 * Which rows of a huge result are on screen, as pure arithmetic. Browsers cap an element's height
 * (Chromium ≈ 33.5 M px, Firefox ≈ 17.9 M px), so past `maxHeight` the scroll range is compressed:
 * one pixel of scrollbar stands for `scale` pixels of rows, and the rows on screen are positioned
 * relative to the viewport instead of the (too tall) content.
 */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowCount: number;
  rowHeight: number;
  overscan: number;
  maxHeight?: number;
}

export interface RowWindow {
  /** First row to draw (inclusive) and last (exclusive), overscan included. */
  first: number;
  last: number;
  /** Height of the scrollable content. */
  totalHeight: number;
  /** Natural pixels per scrolled pixel: 1 unless the result is taller than `maxHeight`. */
  scale: number;
  /** Where row `first` goes, in content coordinates. */
  offset: number;
}

function geometry(input: Omit<WindowInput, "scrollTop" | "overscan">) {
  const natural = input.rowCount * input.rowHeight;
  const totalHeight = Math.min(natural, input.maxHeight ?? MAX_SCROLL_HEIGHT);
  const maxScroll = Math.max(0, totalHeight - input.viewportHeight);
  const naturalMax = Math.max(0, natural - input.viewportHeight);
  return { totalHeight, maxScroll, scale: maxScroll > 0 ? naturalMax / maxScroll : 1 };
}

export function rowWindow(input: WindowInput): RowWindow {
  const { totalHeight, maxScroll, scale } = geometry(input);
  const top = Math.max(0, Math.min(input.scrollTop, maxScroll));
  const virtualTop = top * scale;
  const firstVisible = Math.min(Math.floor(virtualTop / input.rowHeight), Math.max(0, input.rowCount - 1));
  const visible = Math.ceil(input.viewportHeight / input.rowHeight) + 1;
  const first = Math.max(0, firstVisible - input.overscan);
  const last = Math.min(input.rowCount, firstVisible + visible + input.overscan);
  return { first, last, totalHeight, scale, offset: top + first * input.rowHeight - virtualTop };
}

/** The scrollTop that puts `row` at the top of the viewport. */
export function scrollTopForRow(row: number, input: Omit<WindowInput, "scrollTop" | "overscan">): number {
  const { maxScroll, scale } = geometry(input);
  return Math.max(0, Math.min(maxScroll, (row * input.rowHeight) / scale));
}

/** Page numbers covering rows [first, last). */
export function pagesFor(first: number, last: number, pageSize: number): number[] {
  if (last <= first) return [];
  const pages: number[] = [];
  for (let p = Math.floor(first / pageSize); p <= Math.floor((last - 1) / pageSize); p++) pages.push(p);
  return pages;
}
