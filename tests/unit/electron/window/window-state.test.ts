import { describe, expect, it } from "vitest";
import { DEFAULT_SIZE, parseWindowState, restoreWindowState } from "../../../../electron/window/window-state";

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1415 };

describe("the remembered window position", () => {
  it("opens centred at the default size on a first launch", () => {
    expect(restoreWindowState(undefined, [laptop])).toEqual({
      bounds: { x: 80, y: 8, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height },
      maximized: false,
    });
  });

  it("reopens where it was on a display that is still there", () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: true };
    expect(restoreWindowState(saved, [laptop, monitorOnTheRight])).toEqual(saved);
  });

  it("comes back onto a display when the one it was on is gone", () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: false };
    const restored = restoreWindowState(saved, [laptop]);
    expect(restored.bounds).toEqual({ x: 20, y: 0, width: 1400, height: 875 });
  });

  it("is shrunk and pulled in to fit the display it is mostly on", () => {
    const saved = { bounds: { x: 1000, y: -50, width: 3000, height: 2000 }, maximized: false };
    expect(restoreWindowState(saved, [laptop, monitorOnTheRight]).bounds).toEqual(monitorOnTheRight);
    const offTheEdge = { bounds: { x: 1300, y: 700, width: 800, height: 600 }, maximized: false };
    expect(restoreWindowState(offTheEdge, [laptop]).bounds).toEqual({
      x: 640,
      y: 275,
      width: 800,
      height: 600,
    });
  });

  it("reads a damaged file as nothing saved", () => {
    for (const value of [
      null,
      "x",
      { bounds: { x: 0, y: 0, width: -5, height: 10 } },
      { bounds: { x: "1" } },
    ]) {
      expect(parseWindowState(value)).toBeUndefined();
    }
    expect(restoreWindowState({ bounds: { x: Number.NaN } }, [laptop]).maximized).toBe(false);
  });
});
