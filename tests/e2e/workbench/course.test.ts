import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser";
import { demoProject } from "./demo-projects";
import { waitForStatus } from "./page-helpers";
import { serveHere } from "./serve-here";

let browser: Browser;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openDemo(locale: string) {
  const { notebook } = await demoProject();
  const served = await serveHere(notebook);
  cleanups.push(() => served.stop());
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  await page.goto(served.url);
  await page.locator("[data-cell-id]").first().waitFor({ timeout: 30_000 });
  return page;
}

describe("the course checklist", () => {
  it("fills in as cells run, links a failure to its cell, and introduces each stage", async () => {
    const page = await openDemo("en-US");
    const panel = page.locator(".course-panel");
    await panel.locator("summary.course-title").click();
    await expect
      .poll(() => panel.locator(".course-summary").textContent(), { timeout: 60_000 })
      .toMatch(/^\d+ of \d+ rules pass$/);
    const intro = (stage: number) =>
      panel.locator(`[data-stage="${stage}"] .course-stage-intro`).textContent();
    expect(await intro(1)).toContain("Amazon S3");
    expect(await intro(2)).toContain("AWS Lambda");
    expect(await intro(3)).toContain("AWS Glue");
    expect(await intro(4)).toContain("Amazon QuickSight");

    // Nothing ingested yet: movies.csv is missing, and the failure leads to the cell that makes it.
    const movies = panel.locator('[data-rule="raw.movies.path"].course-fail');
    await movies.waitFor({ timeout: 60_000 });
    await movies.getByRole("button", { name: "Go to cell ingest_movies" }).click();
    await page.locator('[data-cell-id="ingest_movies"].selected').waitFor();

    // Running the two ingest cells re-checks the lake: stage 1's file rules turn to pass.
    for (const id of ["ingest_movies", "ingest_series"]) {
      await page
        .getByRole("button", { name: `Run ${id}`, exact: false })
        .first()
        .click();
      expect(await waitForStatus(page, id, ["ok", "error"])).toBe("ok");
    }
    for (const id of ["raw.movies.path", "raw.movies.identical", "raw.series.path", "raw.series.identical"]) {
      await panel.locator(`[data-rule="${id}"].course-pass`).waitFor({ timeout: 60_000 });
    }
    expect(
      await panel.locator('[data-rule="raw.movies.identical"] .course-evidence').textContent(),
    ).toContain("SHA-256");
    expect(await panel.locator('[data-rule="tmdb.path"]').getAttribute("class")).toContain("course-fail");
  });

  it("speaks Portuguese when the UI does", async () => {
    const page = await openDemo("pt-BR");
    const panel = page.locator(".course-panel");
    await panel.locator("summary", { hasText: "Checklist do curso" }).click();
    expect(await panel.locator('[data-stage="1"] h3').textContent()).toBe("Etapa 1 — os CSVs para a RAW");
    const rule = panel.locator('[data-rule="raw.movies.path"]');
    await rule.waitFor({ timeout: 60_000 });
    expect(await rule.locator("summary").textContent()).toBe(
      "movies.csv está na RAW em Raw/Local/CSV/Movies/AAAA/MM/DD/movies.csv",
    );
    expect(await rule.locator(".course-hint").textContent()).toContain("Como corrigir");
    // The evidence and the hint are said in Portuguese by code, with this failure's own file filled in.
    expect(await rule.locator(".course-evidence").textContent()).toBe("Nenhum objeto em Raw/ é movies.csv.");
    expect(await rule.locator(".course-hint").textContent()).toContain(
      "Envie movies.csv inteiro pela célula de ingestão: ela grava Raw/Local/CSV/Movies/<AAAA>/<MM>/<DD>/movies.csv",
    );
  });
});
