import AxeBuilder from "@axe-core/playwright";
import type { Browser, Locator } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser";

import { builtDemoProject } from "./demo-projects";
import { cell, screenshot, waitForStatus } from "./page-helpers";
import { serveHere } from "./serve-here";

let browser: Browser;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // The demo run once, headless, before the test's clock starts: the test is about what the page shows.
  await builtDemoProject();
}, 180_000);
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** What a screen reader hears of each badge ("Role: fact"): the prefix is visually hidden. */
const badgeTexts = (scope: Locator) =>
  scope.locator(".catalog-badge").evaluateAll((badges) => badges.map((b) => b.textContent));

describe("the transform view in Chromium", () => {
  it("shows fact_title_rating as catalogued, with its PySpark, and the same table in the lake browser", async () => {
    const { notebook } = await builtDemoProject();
    const served = await serveHere(notebook);
    cleanups.push(() => served.stop());
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 860 } });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    await page.goto(served.url);
    await page.locator("[data-cell-id]").first().waitFor({ timeout: 30_000 });

    // The cell's last run, recorded when the demo was built, is what the page shows.
    await expect(waitForStatus(page, "fact_title_rating", ["ok", "error"])).resolves.toBe("ok");
    // Nothing running, so axe looks at a page that holds still.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-status="queued"], [data-status="running"]').length === 0,
      undefined,
      { timeout: 60_000 },
    );

    const view = cell(page, "fact_title_rating").getByRole("group", { name: "What fact_title_rating wrote" });
    await expect(view.getByRole("heading", { level: 3 }).innerText()).resolves.toMatch(
      /^refined\.fact_title_rating → Refined\/fact_title_rating\/ · [\d,]+ rows · Parquet$/,
    );
    await expect(badgeTexts(view)).resolves.toEqual([
      "Zone: REFINED",
      "Role: fact",
      "Ran on: local (DuckDB)",
    ]);
    const columns = view.getByRole("table", { name: "Columns of refined.fact_title_rating" });
    await expect(columns.getByRole("row", { name: /^title_key / }).textContent()).resolves.toBe(
      "title_keybigintprimary key→ references refined.dim_title.title_key",
    );
    await expect(columns.getByRole("row", { name: /^release_date_key / }).textContent()).resolves.toBe(
      "release_date_keybigint→ references refined.dim_date.date_key",
    );
    // The preview and the PySpark start folded: opened from the keyboard, so axe checks them too.
    // (Not clicked: selecting a tall cell on mousedown scrolls it, and the click lands elsewhere.)
    await view.getByText("First rows of refined.fact_title_rating", { exact: true }).press("Enter");
    await view.getByText("The PySpark this cell stands for", { exact: true }).press("Enter");
    await expect(
      view
        .getByRole("table", { name: "First rows of refined.fact_title_rating" })
        .getAttribute("aria-rowcount"),
    ).resolves.toMatch(/^\d+$/);
    await expect(view.locator(".transform-pyspark pre > code").innerText()).resolves.toContain(
      'saveAsTable("refined.fact_title_rating")',
    );
    await expect(
      view.getByRole("button", { name: "Copy the PySpark of fact_title_rating" }).isVisible(),
    ).resolves.toBe(true);

    await view.getByRole("heading", { level: 3 }).scrollIntoViewIfNeeded();
    await screenshot(page, "transform-view");

    const side = page.getByRole("complementary", { name: "Side panel" });
    await side.getByRole("button", { name: "refined.fact_title_rating", exact: true }).click();
    const details = side.locator(".table-details");
    await details.getByRole("heading", { name: "refined.fact_title_rating" }).waitFor();
    await expect(badgeTexts(details)).resolves.toEqual(["Zone: REFINED", "Role: fact"]);
    await expect(details.locator(".table-lineage").innerText()).resolves.toBe(
      "Made by cell fact_title_rating from refined.dim_title, trusted.movies, trusted.series, trusted.tmdb_movies, trusted.tmdb_series",
    );
    await expect(
      details.getByRole("button", { name: "Open refined.dim_date" }).first().isVisible(),
    ).resolves.toBe(true);
    await screenshot(page, "transform-lake");

    // The views this test is about; the whole page (charts and all) takes axe most of a minute here,
    // and workbench.test.ts already checks it.
    const axe = await new AxeBuilder({ page })
      .include('[data-cell-id="fact_title_rating"]')
      .include("aside")
      .analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    // Axe shares two cores with the service and the other test file; a minute is not always enough.
  }, 120_000);
});
