import { describe, expect, it } from "vitest";
import { firstLine, isCollapsed, toggleCollapsed } from "../../../../renderer/src/cells/collapse";
import { rovingIndex } from "../../../../renderer/src/cells/roving";

describe("rovingIndex", () => {
  it("steps with the arrows, wrapping round, and jumps with Home and End", () => {
    expect(rovingIndex("ArrowRight", 0, 3)).toBe(1);
    expect(rovingIndex("ArrowRight", 2, 3)).toBe(0);
    expect(rovingIndex("ArrowLeft", 0, 3)).toBe(2);
    expect(rovingIndex("Home", 2, 3)).toBe(0);
    expect(rovingIndex("End", 0, 3)).toBe(2);
  });
  it("leaves other keys, and an empty toolbar, alone", () => {
    expect(rovingIndex("Enter", 0, 3)).toBeNull();
    expect(rovingIndex("ArrowDown", 0, 3)).toBeNull();
    expect(rovingIndex("ArrowRight", 0, 0)).toBeNull();
  });
});

describe("folding", () => {
  it("toggles one part of one cell", () => {
    const once = toggleCollapsed({}, "a", "source");
    expect(isCollapsed(once, "a", "source")).toBe(true);
    expect(isCollapsed(once, "a", "output")).toBe(false);
    expect(isCollapsed(once, "b", "source")).toBe(false);
    expect(isCollapsed(toggleCollapsed(once, "a", "source"), "a", "source")).toBe(false);
  });
  it("shows the first line that says something", () => {
    expect(firstLine("\n  \nSELECT 1\nFROM t")).toBe("SELECT 1");
    expect(firstLine("")).toBe("");
  });
});
