import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lakebook, lakebookInOneProcess } from "./run-cli";

/** `lakebook export` on a small notebook whose chart reads a SQL cell over range(): no lake tables needed. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-export-"));
  await writeFile(
    path.join(dir, "numbers.lakebook.md"),
    [
      "---\nlakebook: 1\ntitle: Numbers\n---\n",
      "<!-- #numbers -->\n## Numbers <small>\n\nTen thousand of them.\n",
      "```sql {#numbers_sql}\nSELECT i % 3 AS bucket, i AS n FROM range(10000) t(i)\n```\n",
      '```chart {#by_bucket source=numbers_sql}\n{"mark": "bar", "encoding": {"x": {"field": "bucket", "type": "ordinal"}, "y": {"aggregate": "sum", "field": "n", "type": "quantitative"}}}\n```\n',
      '```chart {#scatter source=numbers_sql}\n{"mark": "point", "encoding": {"x": {"field": "n", "type": "quantitative"}, "y": {"field": "bucket", "type": "ordinal"}}}\n```\n',
    ].join("\n"),
  );
  await writeFile(
    path.join(dir, "broken.lakebook.md"),
    '---\nlakebook: 1\n---\n\n```chart {#missing table=refined.nothing}\n{"mark": "bar"}\n```\n',
  );
  await writeFile(path.join(dir, "plain.lakebook.md"), "---\nlakebook: 1\n---\n\n<!-- #a -->\nNo charts.\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("lakebook export", () => {
  it("writes the dashboard and prints one JSON object", async () => {
    const result = await lakebook(["export", "numbers.lakebook.md", "--html", "out.html", "--json"], dir);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      ok: true,
      notebook: path.join(dir, "numbers.lakebook.md"),
      file: path.join(dir, "out.html"),
      title: "Numbers",
      kpis: [],
      // bucket is discrete in one chart and a column of both: a shared filter.
      filters: ["bucket"],
      charts: [
        { id: "by_bucket", sourceRows: 10_000, sentRows: 3, pushedDown: true, warnings: [] },
        { id: "scatter", sourceRows: 10_000, sentRows: 5_000, pushedDown: false },
      ],
    });
    expect(report.charts[1].warnings[0]).toMatch(/^10,000 rows; the chart shows the first 5,000/);
    expect(report.bytes).toBe((await stat(path.join(dir, "out.html"))).size);
    const html = await readFile(path.join(dir, "out.html"), "utf8");
    expect(html).toContain("<h2>Numbers &#60;small&#62;</h2>");
    expect(html).toContain('"sum_n":16668333');
  });

  it("says what it wrote, and the warnings, in text mode", async () => {
    const result = await lakebook(["export", "numbers.lakebook.md", "--html", "out.html"], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Wrote .*out\.html \([\d.]+ KB\): 2 charts, 0 KPI tiles, filters: bucket\.\n$/,
    );
    expect(result.stderr).toContain("[1/2] by_bucket (chart)");
    expect(result.stderr).toContain("scatter: 10,000 rows; the chart shows the first 5,000");
  });

  it("exits 1 and writes nothing when a chart fails", async () => {
    const result = await lakebook(["export", "broken.lakebook.md", "--html", "broken.html", "--json"], dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: "DASHBOARD_CHART_FAILED" } });
    await expect(stat(path.join(dir, "broken.html"))).rejects.toThrow();
  });

  it("exits 1 for a notebook without charts", async () => {
    const result = await lakebook(["export", "plain.lakebook.md", "--html", "plain.html"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("has no chart cells");
  });

  it("exits 2 when typed wrong", async () => {
    const typedWrong = [
      ["export"],
      ["export", "numbers.lakebook.md"],
      ["export", "numbers.lakebook.md", "--pdf", "x"],
    ];
    // Refusals and help answer before any work: one process for all of them.
    const results = await lakebookInOneProcess([...typedWrong, ["export", "--help"]], dir);
    expect(results).toHaveLength(typedWrong.length + 1);
    typedWrong.forEach((args, i) => {
      expect(results[i]?.code, args.join(" ")).toBe(2);
      expect(results[i]?.stderr).toMatch(/^lakebook export: .*\(see lakebook export --help\)\n$/);
    });
    expect(results.at(-1)?.stdout).toContain("--html FILE");
  });
});
