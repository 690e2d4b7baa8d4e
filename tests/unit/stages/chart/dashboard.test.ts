import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ChartOutput } from "../../../../pipeline/contract";
import type { Notebook } from "../../../../pipeline/document";
import {
  buildDashboard,
  dashboardLayout,
  markdownToHtml,
  sharedFilters,
  withFilters,
} from "../../../../pipeline/stages/chart/dashboard";
import { formatKpi } from "../../../../pipeline/stages/chart/dashboard/kpi-format";

function output(spec: Record<string, unknown>, values: Record<string, unknown>[]): ChartOutput {
  return {
    type: "chart",
    spec: { ...spec, data: { values } } as ChartOutput["spec"],
    sourceRows: values.length,
    sentRows: values.length,
    pushedDown: false,
    sql: "SELECT 1",
    warnings: [],
  };
}

const bar = output(
  {
    mark: "bar",
    encoding: { y: { field: "subgenre", type: "nominal" }, x: { field: "n", type: "quantitative" } },
  },
  [
    { subgenre: "zombie", n: 3 },
    { subgenre: "ghost", n: 5 },
  ],
);
const heat = output(
  {
    mark: "rect",
    encoding: { y: { field: "subgenre", type: "nominal" }, x: { field: "decade", type: "ordinal" } },
  },
  [
    { subgenre: "zombie", decade: 1980 },
    { subgenre: "vampire", decade: 1990 },
  ],
);
const kpi = output(
  {
    mark: "text",
    encoding: { text: { field: "votes", type: "quantitative", format: ",.0f", title: "Votes" } },
  },
  [{ votes: 1234567.8 }],
);

const notebook: Notebook = {
  meta: { lakebook: 1, title: "Horror <dashboard>" },
  cells: [
    { id: "intro", kind: "markdown", attrs: [], source: "# Intro\n\nPipeline prose, no charts." },
    {
      id: "glance",
      kind: "markdown",
      attrs: [],
      source: "### At a glance\n\nA <script>alert(1)</script> **bold** claim.",
    },
    { id: "votes", kind: "chart", attrs: [{ key: "source", value: "q" }], source: "{}" },
    { id: "q", kind: "sql", attrs: [], source: "SELECT 1" },
    {
      id: "by_subgenre",
      kind: "chart",
      attrs: [{ key: "label", value: "Titles by subgenre" }],
      source: "{}",
    },
    { id: "heatmap", kind: "chart", attrs: [{ key: "kpi_not" }], source: "{}" },
  ],
};
const outputs = new Map([
  ["votes", kpi],
  ["by_subgenre", bar],
  ["heatmap", heat],
]);

describe("dashboard layout", () => {
  it("opens a section per Markdown cell and leaves out sections without charts", () => {
    const dashboard = dashboardLayout(notebook, outputs);
    expect(dashboard.title).toBe("Horror <dashboard>");
    expect(dashboard.sections.map((s) => s.id)).toEqual(["glance"]);
    const [section] = dashboard.sections;
    expect(section?.kpis).toEqual([{ id: "votes", label: "Votes", value: "1,234,568" }]);
    expect(section?.charts.map((c) => [c.id, c.caption])).toEqual([
      ["by_subgenre", "Titles by subgenre"],
      ["heatmap", "Heatmap"],
    ]);
  });

  it("makes a KPI of a cell with the kpi flag whatever its mark", () => {
    const flagged: Notebook = {
      meta: {},
      cells: [
        {
          id: "heatmap",
          kind: "chart",
          attrs: [{ key: "kpi" }, { key: "label", value: "First decade" }],
          source: "{}",
        },
      ],
    };
    const [section] = dashboardLayout(flagged, outputs).sections;
    expect(section?.kpis).toEqual([{ id: "heatmap", label: "First decade", value: "—" }]);
  });

  it("formats KPI numbers with the common d3-format specifiers", () => {
    expect(formatKpi(6.1734, ".2f")).toBe("6.17");
    expect(formatKpi(1234567, ",")).toBe("1,234,567");
    expect(formatKpi(1234.5, "$,.0f")).toBe("$1,235");
    expect(formatKpi(0.256, ".1%")).toBe("25.6%");
    expect(formatKpi(1234.567)).toBe("1,234.57");
    expect(formatKpi("n/a")).toBe("n/a");
    expect(formatKpi(null)).toBe("—");
  });
});

describe("dashboard filters", () => {
  it("offers a select for a discrete field two charts share, and binds each chart that holds it", () => {
    const charts = [
      { id: "a", caption: null, spec: bar.spec },
      { id: "b", caption: null, spec: heat.spec },
    ];
    const filters = sharedFilters(charts);
    expect(filters).toEqual([
      {
        field: "subgenre",
        param: "filter_subgenre",
        elementId: "filter-subgenre",
        values: ["ghost", "vampire", "zombie"],
      },
    ]);
    const spec = withFilters(heat.spec, filters);
    expect(spec.params).toEqual([
      { name: "filter_subgenre", value: "", bind: { element: "#filter-subgenre" } },
    ]);
    expect(spec.transform).toEqual([
      { filter: "filter_subgenre === '' || toString(datum[\"subgenre\"]) === filter_subgenre" },
    ]);
    expect(withFilters(kpi.spec, filters)).toBe(kpi.spec);
  });
});

describe("markdown for sections", () => {
  it("escapes everything and keeps a small subset", () => {
    expect(
      markdownToHtml(
        '## A <b>title</b>\n\nSome **bold**, `<code>` and [a link](https://example.com/?a=1&b="2").\n\n- one\n- <two>',
      ),
    ).toBe(
      [
        "<h2>A &#60;b&#62;title&#60;/b&#62;</h2>",
        '<p>Some <strong>bold</strong>, <code>&#60;code&#62;</code> and <a href="https://example.com/?a=1&#38;b=&#34;2&#34;" rel="noreferrer">a link</a>.</p>',
        "<ul><li>one</li><li>&#60;two&#62;</li></ul>",
      ].join("\n"),
    );
  });

  it("never makes a link of a script: URL and turns a top heading into h2", () => {
    expect(markdownToHtml("# Top\n\n[x](javascript:alert(1))")).toBe(
      "<h2>Top</h2>\n<p>[x](javascript:alert(1))</p>",
    );
  });
});

describe("dashboard HTML", () => {
  it("is one file: Vega inlined, a strict CSP with each script's hash, data that cannot close its script", async () => {
    const evil = output({ mark: "bar", encoding: { x: { field: "t", type: "nominal" } } }, [
      { t: "</script><script>alert(1)</script>" },
    ]);
    const built = await buildDashboard(
      notebook,
      new Map([...outputs, ["heatmap", evil]]),
      "horror.lakebook.md",
    );
    const { html } = built;
    expect(built.charts).toEqual(["by_subgenre", "heatmap"]);
    expect(built.kpis).toEqual(["votes"]);
    expect(html).toContain("<title>Horror &#60;dashboard&#62;</title>");
    expect(html).toContain("A &#60;script&#62;alert(1)&#60;/script&#62; <strong>bold</strong> claim.");
    expect(html).not.toContain("<script>alert(1)");
    const outsideScripts = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, "");
    expect(outsideScripts).not.toMatch(/src=|href="http|@import|url\(/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "";
    expect(csp).toMatch(
      /^default-src 'none'; script-src ('sha256-[A-Za-z0-9+/=]+' ?){5}; style-src 'unsafe-inline'; img-src data:/,
    );
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "");
    expect(scripts).toHaveLength(5);
    for (const script of scripts) {
      expect(csp).toContain(`'sha256-${createHash("sha256").update(script).digest("base64")}'`);
    }
    expect(scripts[0]).toContain("vega");
    const data =
      /<script type="application\/json" id="dashboard-charts">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    const charts = JSON.parse(data) as { id: string; spec: { data: { values: { t?: string }[] } } }[];
    expect(charts.map((c) => c.id)).toEqual(["by_subgenre", "heatmap"]);
    expect(charts[1]?.spec.data.values[0]?.t).toBe("</script><script>alert(1)</script>");
  });
});
