import { describe, expect, it } from "vitest";
import { frontMatterPlace } from "../../../pipeline/document";

const FILE = "nb.lakebook.md";
const text = (...lines: string[]) => `${lines.join("\n")}\n`;

describe("frontMatterPlace", () => {
  it("points at a nested field's value, counting the opening --- as line 1", () => {
    const nb = text("---", "lakebook: 1", "target:", "  kind: aws", "  bucket:   Bad_Name", "---", "");
    expect(frontMatterPlace(nb, FILE, ["target", "bucket"])).toEqual({ file: FILE, line: 5, column: 13 });
  });

  it("points at the deepest key present when the field is missing", () => {
    const nb = text("---", "lakebook: 1", "# a comment", "target:", "  kind: aws", "---");
    expect(frontMatterPlace(nb, FILE, ["target", "bucket"])).toEqual({ file: FILE, line: 4, column: 1 });
  });

  it("keeps lines right with CRLF and a BOM", () => {
    const nb = "\uFEFF---\r\nlakebook: 1\r\ntarget:\r\n  bucket: x\r\n---\r\n";
    expect(frontMatterPlace(nb, FILE, ["target", "bucket"])).toMatchObject({ line: 4, column: 11 });
  });

  it("is undefined without front matter or with an unclosed one", () => {
    expect(frontMatterPlace("# just markdown\n", FILE, ["target"])).toBeUndefined();
    expect(frontMatterPlace("---\nlakebook: 1\n", FILE, ["target"])).toBeUndefined();
  });
});
