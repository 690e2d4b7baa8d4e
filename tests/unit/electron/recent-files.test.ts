import { describe, expect, it } from "vitest";
import { MAX_RECENT, parseRecent, rememberRecent } from "../../../electron/recent-files";

describe("Open Recent", () => {
  it("puts the opened notebook first, once", () => {
    expect(rememberRecent(["/a.lakebook.md", "/b.lakebook.md"], "/b.lakebook.md", "linux")).toEqual([
      "/b.lakebook.md",
      "/a.lakebook.md",
    ]);
  });

  it("keeps at most ten", () => {
    let recent: string[] = [];
    for (let i = 0; i < 15; i++) recent = rememberRecent(recent, `/n${i}.lakebook.md`, "linux");
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent[0]).toBe("/n14.lakebook.md");
  });

  it("treats paths differing only in case as one on Windows and macOS, two on Linux", () => {
    expect(rememberRecent(["/Course/A.lakebook.md"], "/course/a.lakebook.md", "darwin")).toHaveLength(1);
    expect(rememberRecent(["/Course/A.lakebook.md"], "/course/a.lakebook.md", "linux")).toHaveLength(2);
  });

  it("keeps only absolute paths from what was read from disk", () => {
    expect(parseRecent(["/a.lakebook.md", "relative.lakebook.md", 3, null])).toEqual(["/a.lakebook.md"]);
    expect(parseRecent({})).toEqual([]);
  });
});
