import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkCourse, resetPlan, resetStage } from "../../../../pipeline/course";
import { openWorkspace } from "../../../../pipeline/service";
import { courseLakeOf } from "../../../../pipeline/service/course-lake";
import { builtDemoCopy, expectFailing, NOTEBOOK, rule } from "./built-demo";

/** Stage 4's rules (the charts) on a changed copy of the demo notebook, and resetting a stage. */
const demo = builtDemoCopy();

describe("stage 4 rules on a changed notebook", () => {
  it("fails the chart-type, REFINED-only and question rules", async () => {
    const result = await demo.checkCopy(async (project) => {
      const file = path.join(project, NOTEBOOK);
      let text = await readFile(file, "utf8");
      text = text
        .replace('"mark": "rect"', '"mark": "bar"')
        .replace(/"mark": \{ "type": "(area|point)"/g, '"mark": { "type": "bar"');
      text = text.replace(
        "FROM refined.dim_title t\nJOIN refined.dim_date d",
        "FROM trusted.movies t\nJOIN refined.dim_date d",
      );
      text = text.replace(/"field": "subgenre"/g, '"field": "name"');
      await writeFile(file, text);
    }, 4);
    expectFailing(result, ["dashboard.chart-types", "dashboard.refined-only", "dashboard.answers-question"]);
    expect(rule(result, "dashboard.chart-types").evidence[0]).toBe(
      "7 charts in the chart cells (the HTML export): kpi, bar",
    );
    expect(rule(result, "dashboard.refined-only").evidence).toEqual([
      "releases_by_decade reads trusted.movies",
    ]);
    expect(rule(result, "dashboard.refined-only").cellId).toBe("titles_by_decade");
    expect(rule(result, "dashboard.answers-question").evidence[0]).toBe(
      "no chart encodes a genre or subgenre field next to a measure",
    );
  });
});

describe("resetting a stage", () => {
  it("lists what stage 3 produced, removes exactly that, and never the RAW CSVs", async () => {
    const copy = await demo.copy("reset");
    const workspace = await openWorkspace({ notebookPath: path.join(copy, NOTEBOOK) });
    try {
      const lake = courseLakeOf(workspace);
      expect((await resetPlan(lake, 1)).items).toEqual([]);
      expect((await resetPlan(lake, 1)).kept[0]).toContain("Raw/Local/CSV/");
      const tmdb = await resetPlan(lake, 2);
      expect(tmdb.items).toEqual([
        { kind: "table", name: "raw.tmdb", location: "Raw/TMDB/JSON/" },
        expect.objectContaining({ kind: "objects", prefix: "Raw/TMDB/JSON/", count: 5 }),
      ]);

      const plan = await resetPlan(lake, 3);
      const tables = plan.items.flatMap((i) => (i.kind === "table" ? [i.name] : []));
      expect(tables).toHaveLength(11);
      expect(tables).toContain("refined.fact_title_rating");
      expect(tables.some((name) => name.startsWith("raw."))).toBe(false);

      // A list that is not the current plan removes nothing.
      await expect(resetStage(lake, 3, plan.items.slice(1))).rejects.toMatchObject({
        code: "COURSE_RESET_CHANGED",
      });
      const removed = await resetStage(lake, 3, plan.items);
      expect(removed.removedTables).toEqual(tables);
      expect(removed.removedObjects).toBeGreaterThan(10);
      expect((await workspace.catalog.list()).map((t) => `${t.database}.${t.name}`)).toEqual([
        "raw.movies",
        "raw.series",
        "raw.tmdb",
      ]);

      const after = await checkCourse(lake);
      expect(rule(after, "raw.movies.identical").pass).toBe(true);
      expect(rule(after, "tmdb.limits").pass).toBe(true);
      expect(rule(after, "refined.model").pass).toBe(false);
    } finally {
      await workspace.close();
    }
  });
});
