// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { safeHref } from "../../../../renderer/src/cells/markdown/inline";
import { Markdown } from "../../../../renderer/src/cells/markdown/markdown";

afterEach(cleanup);
const md = (source: string) => render(h(Markdown, { source })).container;

describe("the Markdown renderer", () => {
  it("escapes HTML: tags in a cell are text, never elements", () => {
    const el = md('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> **<b>bold</b>**');
    expect(el.querySelector("script")).toBeNull();
    expect(el.querySelector("img")).toBeNull();
    expect(el.querySelector("b")).toBeNull();
    expect(el.textContent).toContain("<script>alert(1)</script>");
    expect(el.querySelector("strong")?.textContent).toBe("<b>bold</b>");
  });

  it("draws headings one level down, paragraphs, emphasis and code", () => {
    const el = md(
      "# Title\n\nSome *soft* and **strong** text with `code <x>` and snake_case_names.\n\n### Deep",
    );
    expect(el.querySelector("h2")?.textContent).toBe("Title");
    expect(el.querySelector("h4")?.textContent).toBe("Deep");
    expect(el.querySelector("em")?.textContent).toBe("soft");
    expect(el.querySelector("strong")?.textContent).toBe("strong");
    expect(el.querySelector("code")?.textContent).toBe("code <x>");
    expect(el.querySelector("p")?.textContent).toContain("snake_case_names");
  });

  it("draws lists, nested lists, fenced code, quotes and rules", () => {
    const el = md(
      "- one\n- two\n  - two.a\n\n1. first\n2. second\n\n```sql\nSELECT '<b>'\n```\n\n> quoted\n\n---",
    );
    expect(el.querySelectorAll("ul > li")).toHaveLength(3);
    expect(el.querySelector("ul ul li")?.textContent).toBe("two.a");
    expect([...el.querySelectorAll("ol > li")].map((li) => li.textContent)).toEqual(["first", "second"]);
    expect(el.querySelector("pre code")?.textContent).toBe("SELECT '<b>'");
    expect(el.querySelector("blockquote")?.textContent).toBe("quoted");
    expect(el.querySelector("hr")).not.toBeNull();
  });

  it("makes links only to safe places", () => {
    const el = md("[web](https://example.com) [bad](javascript:alert(1)) [local](#stage_1) <https://x.org>");
    const links = [...el.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual(["https://example.com", "#stage_1", "https://x.org"]);
    expect(el.textContent).toContain("bad");
    expect(el.querySelector("a")?.getAttribute("rel")).toBe("noopener noreferrer");
    expect(safeHref("data:text/html,hi")).toBeUndefined();
    expect(safeHref("JAVASCRIPT:alert(1)")).toBeUndefined();
    expect(safeHref("data/movies.csv")).toBe("data/movies.csv");
  });

  it("renders the demo notebook's prose", () => {
    const el = md(
      "## Stage 3 — RAW → TRUSTED\n\nReading the CSVs needs `sep='|'` and `nullValue='\\N'`; the typo column `tituloPincipal` is renamed.",
    );
    expect([...el.querySelectorAll("code")].map((c) => c.textContent)).toEqual([
      "sep='|'",
      "nullValue='\\N'",
      "tituloPincipal",
    ]);
  });
});
