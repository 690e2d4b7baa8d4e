import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser";
import { builtDemoProject, demoProject } from "./demo-projects";
import { cell, screenshot, waitForStatus } from "./page-helpers";
import { serveHere } from "./serve-here";

/** The demo's KPI cells: drawn as cards (one number each), like the exported dashboard's tiles. */
const KPIS = ["kpi_titles", "kpi_rating", "kpi_votes"];
/** The demo's charts, every one bound to a SQL cell. */
const CHARTS = ["rating_by_subgenre", "votes_heatmap", "releases_by_decade", "budget_vs_revenue"];

let browser: Browser;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // The demo run once for the whole file, before the first test's clock starts.
  await builtDemoProject();
}, 180_000);
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * The demo, built headless (demo-projects.ts), served from a fresh copy and opened: every cell shows
 * its last run, ok, and every chart is drawn from it. Every CSP complaint the page logs is kept.
 */
async function openBuiltDemo(colorScheme: "light" | "dark" = "light") {
  const { notebook } = await builtDemoProject();
  const served = await serveHere(notebook);
  cleanups.push(() => served.stop());
  const context = await browser.newContext({
    locale: "en-US",
    colorScheme,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(served.url);
  await page.locator("[data-cell-id]").first().waitFor({ timeout: 30_000 });
  const ids = await page
    .locator("[data-cell-id]")
    .evaluateAll((els) => els.map((el) => el.getAttribute("data-cell-id") ?? ""));
  for (const id of ids) expect(await waitForStatus(page, id, ["ok", "error"]), id).toBe("ok");
  return { page, notebook, problems };
}

const chartView = (page: Page, id: string) => cell(page, id).locator('[data-chart-view="drawn"]');

async function downloadOf(
  page: Page,
  click: () => Promise<void>,
): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = await download.path();
  return { download, text: await readFile(file, "utf8") };
}

describe("chart cells in Chromium", () => {
  it("draws every demo chart under the page's CSP, with tooltips, row counts and the SQL", async () => {
    const { page, problems } = await openBuiltDemo();
    for (const id of CHARTS) {
      await chartView(page, id).locator("svg").first().waitFor({ timeout: 30_000 });
      const marks = await chartView(page, id)
        .locator("svg .mark-rect path, svg .mark-symbol path, svg .mark-area path, svg .mark-text text")
        .count();
      expect(marks, `${id} draws marks`).toBeGreaterThan(0);
    }
    for (const id of KPIS) {
      const value = await cell(page, id).locator(`[data-kpi-card="${id}"] .kpi-value`).innerText();
      expect(value, `${id} shows its number`).toMatch(/\d/);
    }
    const heatmap = cell(page, "votes_heatmap");
    await expect(heatmap.locator(".chart-rows").innerText()).resolves.toMatch(
      /rows aggregated in the engine to/,
    );
    await heatmap.getByText("SQL that ran").click();
    await expect(heatmap.locator(".chart-sql pre").textContent()).resolves.toMatch(/GROUP BY/i);

    // Hovering a bar shows Vega's tooltip with the subgenre and its rating.
    const bar = chartView(page, "rating_by_subgenre").locator("svg .mark-rect path").first();
    await bar.scrollIntoViewIfNeeded();
    await bar.hover();
    const tooltip = page.locator("#vg-tooltip-element.visible");
    await tooltip.waitFor({ timeout: 5000 });
    await expect(tooltip.innerText()).resolves.toContain("Average rating");

    await screenshot(page, "charts-light");
    // No CSP refusal (eval, inline script) and no drawing error anywhere on the page.
    expect(problems.filter((p) => /Content Security Policy|unsafe-eval|EvalError/i.test(p))).toEqual([]);
  });

  it("exports a chart as SVG and PNG, named after the cell", async () => {
    const { page } = await openBuiltDemo();
    await chartView(page, "rating_by_subgenre").locator("svg").first().waitFor({ timeout: 30_000 });
    const svg = await downloadOf(page, () =>
      page.getByRole("button", { name: "Export SVG of rating_by_subgenre" }).click(),
    );
    expect(svg.download.suggestedFilename()).toBe("rating_by_subgenre.svg");
    expect(svg.text).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export PNG of rating_by_subgenre" }).click(),
    ]);
    expect(png.suggestedFilename()).toBe("rating_by_subgenre.png");
    const bytes = await readFile(await png.path());
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  });

  it("switches a chart's mark with the builder: the source changes, is saved, and the chart redraws", async () => {
    const { page, notebook } = await openBuiltDemo();
    const chart = cell(page, "rating_by_subgenre");
    // Select the cell first: selecting scrolls it into view between mousedown and mouseup (CellView).
    await chart.click({ position: { x: 4, y: 4 } });
    await chart.getByText("Chart builder", { exact: true }).click();
    const builder = chart.getByRole("group", { name: "Chart builder for rating_by_subgenre" });
    // The source ran, so its columns are offered.
    await builder.getByRole("combobox", { name: "X field" }).waitFor();
    await expect(
      builder.getByRole("combobox", { name: "X field" }).locator("option").allTextContents(),
    ).resolves.toContain("titles");
    // The open builder and the drawn chart pass axe.
    const axe = await new AxeBuilder({ page }).include('[data-cell-id="rating_by_subgenre"]').analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    await builder.getByRole("combobox", { name: "Mark" }).selectOption("point");
    await expect(chart.locator("pre.cell-code").innerText()).resolves.toContain('"mark": "point"');
    // Fields the builder does not manage are still there.
    await expect(chart.locator("pre.cell-code").innerText()).resolves.toContain('"title": "IMDb votes"');
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 10_000 });
    await expect(readFile(notebook, "utf8")).resolves.toContain('"mark": "point"');
    await chart.getByRole("button", { name: "Run rating_by_subgenre" }).click();
    await waitForStatus(page, "rating_by_subgenre", ["ok"]);
    await chartView(page, "rating_by_subgenre")
      .locator("svg .mark-symbol path")
      .first()
      .waitFor({ timeout: 30_000 });
  });

  it("checks a chart's spec against the Vega-Lite schema while typing, and completes its keys", async () => {
    const { notebook } = await demoProject();
    const served = await serveHere(notebook);
    cleanups.push(() => served.stop());
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    await page.goto(served.url);
    const chart = cell(page, "releases_by_decade");
    await chart.click({ position: { x: 4, y: 4 } });
    await chart.locator("pre.cell-code").click();
    const editor = chart.locator(".monaco-editor textarea").first();
    await editor.waitFor({ timeout: 30_000 });
    await editor.focus();
    await page.keyboard.press("Control+A");
    // insertText, not type: Monaco's auto-closing would add its own quotes and braces.
    await page.keyboard.insertText('{ "mark": "barr", "encoding": {} }');
    await chart
      .locator(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error")
      .first()
      .waitFor({ timeout: 30_000 });
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText('{ "ma');
    await page.keyboard.press("Control+Space");
    const suggestions = page.locator(".monaco-editor .suggest-widget.visible");
    await suggestions.waitFor({ timeout: 15_000 });
    await expect(suggestions.innerText()).resolves.toMatch(/^mark$/m);
  });

  it("redraws a chart by itself when its source SQL cell runs again", async () => {
    const { page } = await openBuiltDemo();
    // Every status the chart goes through from here on.
    await page.evaluate(() => {
      const element = document.querySelector('[data-cell-id="rating_by_subgenre"]') as HTMLElement;
      const seen: string[] = [];
      (window as unknown as { chartStatuses: string[] }).chartStatuses = seen;
      new MutationObserver(() => seen.push(element.dataset.status ?? "")).observe(element, {
        attributeFilter: ["data-status"],
      });
    });
    // Selected first: selecting a cell scrolls it, which can move the button away mid-click (CellView).
    await cell(page, "top_subgenres").click({ position: { x: 4, y: 4 } });
    await cell(page, "top_subgenres").getByRole("button", { name: "Run top_subgenres" }).click();
    await waitForStatus(page, "top_subgenres", ["ok"]);
    await page.waitForFunction(() => {
      const seen = (window as unknown as { chartStatuses: string[] }).chartStatuses;
      return seen.includes("running") && seen.at(-1) === "ok";
    });
    await chartView(page, "rating_by_subgenre").locator("svg").first().waitFor({ timeout: 30_000 });
  });

  it("downloads the dashboard that lakebook export writes, from the toolbar", async () => {
    const { page } = await openBuiltDemo("dark");
    await chartView(page, "budget_vs_revenue").locator("svg").first().waitFor({ timeout: 30_000 });
    await screenshot(page, "charts-dark");
    const { download, text } = await downloadOf(page, () =>
      page.getByRole("button", { name: "Export dashboard", exact: true }).click(),
    );
    expect(download.suggestedFilename()).toBe("horror-subgenres.dashboard.html");
    expect(text).toMatch(/^<!doctype html>/i);
    for (const id of [...KPIS, ...CHARTS]) expect(text, id).toContain(id);
    await expect(page.locator('[data-export-state="done"]').innerText()).resolves.toContain(
      "horror-subgenres.dashboard.html",
    );
  });
});
