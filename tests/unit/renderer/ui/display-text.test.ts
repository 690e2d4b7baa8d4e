import { describe, expect, it } from "vitest";
import { cellText, displayText } from "../../../../renderer/src/ui/table/cell-text";

describe("numbers in result tables", () => {
  it("groups thousands the user's way and keeps years and small numbers bare", () => {
    expect(displayText(16668333, "BIGINT", "en")).toBe("16,668,333");
    expect(displayText(16668333, "BIGINT", "pt-BR")).toBe("16.668.333");
    expect(displayText(6.5123, "DOUBLE", "pt-BR")).toBe("6,5123");
    expect(displayText(1994, "INTEGER", "en")).toBe("1994");
    expect(displayText("12345678901234567890", "HUGEINT", "en")).toBe("12,345,678,901,234,567,890");
    expect(displayText("tt0000009", "VARCHAR", "en")).toBe("tt0000009");
    expect(displayText(null, "INTEGER", "en")).toBe("NULL");
  });

  it("leaves the copied text as the service sent it", () => {
    expect(cellText(16668333)).toBe("16668333");
  });
});
