import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clampWidth,
  maxWidthFor,
  parsePrefs,
  SIDE_PANEL,
  widthAfterKey,
} from "../../../../renderer/src/app/side-panel-size";

describe("the side panel's width", () => {
  it("stays between the narrowest readable panel and what leaves the notebook its room", () => {
    expect(clampWidth(100, 1366)).toBe(SIDE_PANEL.min);
    expect(clampWidth(5000, 1366)).toBe(SIDE_PANEL.max);
    expect(clampWidth(5000, 1000)).toBe(1000 - SIDE_PANEL.notebookMin);
    expect(clampWidth(Number.NaN, 1366)).toBe(SIDE_PANEL.initial);
    expect(clampWidth("wide", 1366)).toBe(SIDE_PANEL.initial);
    // A window too small for both still gives the panel its narrowest readable width.
    expect(maxWidthFor(400)).toBe(SIDE_PANEL.min);
  });

  it("is always a whole width inside the limits, whatever was asked (bounded cases)", () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 0, max: 4000 }), (asked, windowWidth) => {
        const width = clampWidth(asked, windowWidth);
        return Number.isInteger(width) && width >= SIDE_PANEL.min && width <= maxWidthFor(windowWidth);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("moves with the splitter's keys: ← widens, → narrows, Shift by more, Home and End to the limits", () => {
    expect(widthAfterKey("ArrowLeft", false, 400, 1366)).toBe(400 + SIDE_PANEL.step);
    expect(widthAfterKey("ArrowRight", false, 400, 1366)).toBe(400 - SIDE_PANEL.step);
    expect(widthAfterKey("ArrowLeft", true, 400, 1366)).toBe(400 + SIDE_PANEL.bigStep);
    expect(widthAfterKey("ArrowRight", false, SIDE_PANEL.min, 1366)).toBe(SIDE_PANEL.min);
    expect(widthAfterKey("Home", false, 400, 1366)).toBe(SIDE_PANEL.min);
    expect(widthAfterKey("End", false, 400, 1366)).toBe(maxWidthFor(1366));
    expect(widthAfterKey("a", false, 400, 1366)).toBeNull();
  });

  it("reads what was remembered, and the defaults from a missing or damaged entry", () => {
    expect(parsePrefs('{"width":520,"collapsed":true}')).toEqual({ width: 520, collapsed: true });
    for (const damaged of [null, "", "{", "null", '{"width":"x","collapsed":"yes"}']) {
      expect(parsePrefs(damaged)).toEqual({ width: SIDE_PANEL.initial, collapsed: false });
    }
  });
});
