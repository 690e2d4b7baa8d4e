import { join, resolve, sep } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LakebookError } from "../../../pipeline/contract/errors";
import { assertSafeKey, assertSafePrefix, isSafeKey, LocalFolderStore } from "../../../pipeline/lake";

function refusal(action: () => void): LakebookError {
  try {
    action();
  } catch (error) {
    if (error instanceof LakebookError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("assertSafeKey", () => {
  it.each([
    ["", /is empty/],
    ["/Raw/x.csv", /starts with \//],
    ["Raw\\Local\\x.csv", /backslash/],
    ["Raw/a\u0000b.csv", /control character/],
    ["Raw/a\nb.csv", /control character/],
    ["Raw/a\tb.csv", /control character/],
    ["Raw/a\u007fb.csv", /control character/],
    ["Raw/a\u0085b.csv", /control character/],
    ["Raw/\ud800.csv", /not valid Unicode/],
    ["Raw/../etc/passwd", /"\." or "\.\." segment/],
    ["..", /"\." or "\.\." segment/],
    ["./Raw/x.csv", /"\." or "\.\." segment/],
    ["Raw/./x.csv", /"\." or "\.\." segment/],
    ["Raw//x.csv", /empty folder name/],
    ["Raw/", /ends with \//],
    [`Raw/${"x".repeat(1021)}`, /1025 bytes long/],
    [`Raw/${"é".repeat(511)}`, /1026 bytes long/],
  ])("refuses %j", (key, reason) => {
    const error = refusal(() => assertSafeKey(key));
    expect(error.code).toBe("LAKE_KEY_INVALID");
    expect(error.message).toMatch(reason);
    expect(error.message).toContain("Object key");
    expect(error.hint).toMatch(/For example: Raw\/Local\/CSV\/Movies\/2026\/01\/05\/movies.csv/);
  });

  it("names the key escaped and shortened in the message", () => {
    expect(refusal(() => assertSafeKey("a\u0000b")).message).toContain('"a\\u0000b"');
    expect(refusal(() => assertSafeKey("x".repeat(2000))).message.length).toBeLessThan(250);
  });

  it.each([
    "Raw/Local/CSV/Movies/2026/01/05/movies.csv",
    "Raw/Local/CSV/Movies/2026/01/05/filmes ação.csv",
    "a",
    "...",
    "..a/b..",
    ".hidden/x",
    "dt=2026-01-05/part-0.parquet",
    "🎬/😱.json",
    `Raw/${"x".repeat(1020)}`,
  ])("accepts %j", (key) => {
    expect(() => assertSafeKey(key)).not.toThrow();
  });

  it("never accepts a key that resolves outside the root", () => {
    const root = resolve("/lake/root");
    const segment = fc.oneof(
      fc.constantFrom(".", "..", "", "~", "...", "a", "..\\..", "%2e%2e", "\u0000", "/"),
      fc.string({ unit: "binary", maxLength: 8 }),
    );
    const key = fc.oneof(
      fc.array(segment, { minLength: 1, maxLength: 6 }).map((segments) => segments.join("/")),
      fc.string({ unit: "binary", maxLength: 40 }),
    );
    fc.assert(
      fc.property(key, (candidate) => {
        if (!isSafeKey(candidate)) return;
        const resolved = resolve(root, candidate);
        expect(resolved.startsWith(root + sep)).toBe(true);
        expect(new LocalFolderStore(root).pathOf(candidate)).toBe(join(root, ...candidate.split("/")));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("assertSafePrefix", () => {
  it("accepts the whole lake and folders", () => {
    for (const prefix of ["", "Raw/", "Raw/Local/CSV/Movies/2026/01/05/"]) {
      expect(() => assertSafePrefix(prefix)).not.toThrow();
    }
  });

  it.each(["Raw", "Raw/Local/CSV/Mov", "/Raw/", "Raw//", "../", "Raw/../"])("refuses %j", (prefix) => {
    const error = refusal(() => assertSafePrefix(prefix));
    expect(error.code).toBe("LAKE_KEY_INVALID");
    expect(error.message).toContain("Listing prefix");
  });
});
