import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CatalogTable } from "../../../pipeline/contract";
import type { CourseLake } from "../../../pipeline/course";
import { checkDashboard } from "../../../pipeline/course/stage4-dashboard";
import { parseNotebook } from "../../../pipeline/document";

const DEMO = readFileSync(
  new URL("../../../assets/demo/horror-subgenres.lakebook.md", import.meta.url),
  "utf8",
);

const refined = (name: string): CatalogTable => ({
  database: "refined",
  name,
  zone: "refined",
  location: `Refined/${name}/`,
  format: "parquet",
  columns: [],
  rows: null,
  producedBy: null,
});
const TABLES = ["fact_title_rating", "bridge_title_subgenre", "dim_subgenre", "dim_date", "dim_title"].map(
  refined,
);

function lakeOf(text: string): CourseLake {
  const { notebook } = parseNotebook(text, "demo.lakebook.md");
  const target = (notebook.meta.target ?? { kind: "local" }) as CourseLake["target"];
  return { notebook, notebookPath: null, baseDir: ".", target, store: {} as never, catalog: {} as never };
}

const AWS = DEMO.replace(
  "target:\n  kind: local",
  "target:\n  kind: aws\n  bucket: course-lake\n  region: us-east-1",
);

describe("the dashboard rules", () => {
  it("pass on the demo's chart cells", () => {
    expect(checkDashboard(lakeOf(DEMO), TABLES).map((r) => [r.id, r.pass])).toEqual([
      ["dashboard.chart-types", true],
      ["dashboard.refined-only", true],
      ["dashboard.answers-question", true],
    ]);
  });

  it("judge the publish cell's charts on an aws target, which is what QuickSight gets", () => {
    const twoTypes = AWS.replace(
      "charts: [kpi_titles, rating_by_subgenre, votes_heatmap, releases_by_decade]",
      "charts: [kpi_titles, rating_by_subgenre]",
    );
    const [types] = checkDashboard(lakeOf(twoTypes), TABLES);
    expect(types?.pass).toBe(false);
    expect(types?.evidence).toEqual(["2 charts in the publish cell quicksight's charts: kpi, bar"]);
    expect(types?.cellId).toBe("quicksight");
    expect(types?.hint).toContain("list them in the publish cell's charts");
    expect(checkDashboard(lakeOf(AWS), TABLES)[0]?.pass).toBe(true);
  });

  it("fail a chart whose SQL cell reads RAW, pointing at that SQL cell", () => {
    const raw = DEMO.replace("FROM refined.fact_title_rating\n```", "FROM raw.movies\n```");
    const [, refinedOnly] = checkDashboard(lakeOf(raw), TABLES);
    expect(refinedOnly?.pass).toBe(false);
    expect(refinedOnly?.evidence).toEqual([
      "kpi_titles reads raw.movies",
      "kpi_rating reads raw.movies",
      "kpi_votes reads raw.movies",
    ]);
    expect(refinedOnly?.cellId).toBe("model_totals");
  });
});
