import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cell } from "../../../pipeline/document";
import { Engine } from "../../../pipeline/engine";
import { runChart } from "../../../pipeline/stages/chart";
import { type DashboardChart, dashboardHtml } from "../../../pipeline/stages/chart/dashboard";
import { vegaScripts } from "../../../pipeline/stages/chart/dashboard/vega-scripts";
import { launchChromium } from "../helpers/browser";
import { chartStates, openOffline } from "./offline-page";

/**
 * A representative set of Vega-Lite examples (after the gallery's) over vega-datasets' real data,
 * drawn in Chromium two ways: with the raw rows, as Vega-Lite would aggregate them itself, and as a
 * chart cell sends them — aggregated in DuckDB, the encodings rewritten to read the results.
 */
const DATA = fileURLToPath(new URL("../../../node_modules/vega-datasets/data/", import.meta.url));

const EXAMPLES: Record<string, { table: string; spec: Record<string, unknown> }> = {
  bar: {
    table: "barley",
    spec: {
      mark: "bar",
      encoding: {
        x: { field: "variety", type: "nominal" },
        y: { aggregate: "mean", field: "yield", type: "quantitative" },
      },
    },
  },
  stacked_bar: {
    table: "barley",
    spec: {
      mark: "bar",
      encoding: {
        x: { field: "variety", type: "nominal" },
        y: { aggregate: "sum", field: "yield", type: "quantitative" },
        color: { field: "site", type: "nominal" },
      },
    },
  },
  line: {
    table: "cars",
    spec: {
      mark: "line",
      encoding: {
        x: { field: "Year", timeUnit: "year", type: "temporal" },
        y: { aggregate: "mean", field: "Miles_per_Gallon", type: "quantitative" },
        color: { field: "Origin", type: "nominal" },
      },
    },
  },
  area: {
    table: "cars",
    spec: {
      mark: "area",
      encoding: {
        x: { field: "Year", timeUnit: "year", type: "temporal" },
        y: { aggregate: "count", type: "quantitative" },
        color: { field: "Origin", type: "nominal" },
      },
    },
  },
  point: {
    table: "cars",
    spec: {
      mark: "point",
      encoding: {
        x: { field: "Horsepower", type: "quantitative" },
        y: { field: "Miles_per_Gallon", type: "quantitative" },
        color: { field: "Origin", type: "nominal" },
      },
    },
  },
  arc: {
    table: "cars",
    spec: {
      mark: { type: "arc", innerRadius: 40 },
      encoding: {
        theta: { aggregate: "count", type: "quantitative" },
        color: { field: "Origin", type: "nominal" },
      },
    },
  },
  heatmap: {
    table: "movies",
    spec: {
      mark: "rect",
      encoding: {
        x: { field: "IMDB Rating", bin: { maxbins: 20 }, type: "quantitative" },
        y: { field: "Rotten Tomatoes Rating", bin: { maxbins: 20 }, type: "quantitative" },
        color: { aggregate: "count", type: "quantitative" },
      },
    },
  },
  histogram: {
    table: "movies",
    spec: { mark: "bar", encoding: { x: { field: "IMDB Rating", bin: true }, y: { aggregate: "count" } } },
  },
  text: {
    table: "barley",
    spec: {
      mark: { type: "text", fontSize: 32 },
      encoding: { text: { aggregate: "sum", field: "yield", type: "quantitative", format: ",.0f" } },
    },
  },
  facet: {
    table: "cars",
    spec: {
      mark: "point",
      encoding: {
        x: { field: "Horsepower", type: "quantitative" },
        y: { field: "Miles_per_Gallon", type: "quantitative" },
        column: { field: "Origin", type: "nominal" },
      },
    },
  },
  layer: {
    table: "barley",
    spec: {
      layer: [
        {
          mark: "bar",
          encoding: {
            x: { field: "site", type: "nominal" },
            y: { aggregate: "mean", field: "yield", type: "quantitative" },
          },
        },
        {
          mark: { type: "rule", color: "red" },
          encoding: { y: { aggregate: "mean", field: "yield", type: "quantitative" } },
        },
      ],
    },
  },
};

let dir: string;
let browser: Browser;
let engine: Engine;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-vega-"));
  engine = await Engine.open({ threads: 1 });
  for (const table of ["barley", "cars", "movies"]) {
    await engine.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_json('${path.join(DATA, `${table}.json`)}')`,
    );
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await engine?.close();
  await rm(dir, { recursive: true, force: true });
});

async function rawChart(id: string, table: string, spec: Record<string, unknown>): Promise<DashboardChart> {
  const values = JSON.parse(await readFile(path.join(DATA, `${table}.json`), "utf8")) as unknown[];
  return { id: `${id}_raw`, caption: `${id} (raw rows)`, spec: { ...spec, data: { values } } };
}

async function cellChart(id: string, table: string, spec: Record<string, unknown>): Promise<DashboardChart> {
  const cell: Cell = {
    id,
    kind: "chart",
    attrs: [{ key: "table", value: `main.${table}` }],
    source: JSON.stringify(spec),
  };
  const output = await runChart(cell, { engine, cells: [cell] });
  return {
    id: `${id}_cell`,
    caption: `${id} (chart cell${output.pushedDown ? ", aggregated in DuckDB" : ""})`,
    spec: output.spec,
  };
}

describe("Vega-Lite examples in Chromium", () => {
  it("draws every example as SVG, from raw rows and from a chart cell's output, offline and without errors", async () => {
    const charts: DashboardChart[] = [];
    for (const [id, { table, spec }] of Object.entries(EXAMPLES)) {
      charts.push(await rawChart(id, table, spec), await cellChart(id, table, spec));
    }
    const file = path.join(dir, "examples.html");
    const dashboard = {
      title: "Vega-Lite examples",
      sections: [{ id: "all", markdown: "", kpis: [], charts }],
    };
    await writeFile(
      file,
      dashboardHtml({ dashboard, filters: [], charts, scripts: await vegaScripts(), source: "examples" }),
    );

    const { page, requests, problems } = await openOffline(browser, file);
    const states = await chartStates(page);
    expect(states.map((s) => s.id)).toEqual(charts.map((c) => c.id));
    for (const state of states) {
      expect(state, state.id).toMatchObject({ rendered: true, svgs: 1 });
      expect(state.marks, state.id).toBeGreaterThan(0);
    }
    // The same picture both ways: an aggregated chart draws as many marks from DuckDB's rows.
    const marks = Object.fromEntries(states.map((s) => [s.id, s.marks]));
    for (const id of ["bar", "stacked_bar", "line", "area", "arc", "heatmap", "histogram", "text"]) {
      expect(marks[`${id}_cell`], id).toBe(marks[`${id}_raw`]);
    }
    expect(problems).toEqual([]);
    expect(requests).toEqual([new URL(`file://${file}`).href]);
    await page.close();
  });
});
