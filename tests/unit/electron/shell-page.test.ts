import { describe, expect, it } from "vitest";
import {
  escapeHtml,
  SHELL_PAGE_SCRIPT,
  SHELL_SCRIPT_PATH,
  shellPageHtml,
} from "../../../electron/shell-page";

describe("the start and failure pages", () => {
  it("offers to open or make a notebook at the start", () => {
    const html = shellPageHtml({ kind: "start" });
    expect(html).toContain('data-action="open"');
    expect(html).toContain('data-action="new"');
  });

  it("says what failed, with the hint, and offers a way back", () => {
    const html = shellPageHtml({
      kind: "failure",
      notebookPath: "/c/<b>.lakebook.md",
      error: {
        code: "LAKE_UNWRITABLE",
        message: "Cannot write the lake folder",
        hint: "Choose a folder you own",
        retryable: false,
      },
      logFile: "/logs/lakebook.log",
    });
    for (const text of [
      "Cannot write the lake folder",
      "Choose a folder you own",
      "LAKE_UNWRITABLE",
      "/logs/lakebook.log",
    ]) {
      expect(html).toContain(text);
    }
    for (const action of ["retry", "open", "new", "logs"]) expect(html).toContain(`data-action="${action}"`);
    // Text from the error or the path is never markup.
    expect(html).toContain("/c/&lt;b&gt;.lakebook.md");
    expect(html).not.toContain("<b>");
  });

  it("has no inline script, which the CSP would block", () => {
    const html = shellPageHtml({ kind: "start" });
    expect(html.match(/<script[^>]*>/g)).toEqual([`<script src="${SHELL_SCRIPT_PATH}">`]);
    expect(html).not.toMatch(/\son\w+=/);
    expect(SHELL_PAGE_SCRIPT).toContain("window.lakebook");
    expect(escapeHtml(`"'&`)).toBe("&quot;&#39;&amp;");
  });
});
