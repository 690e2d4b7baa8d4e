import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lakebook } from "../cli/run-cli";
import { launchChromium } from "../helpers/browser";
import { chartStates, openOffline } from "./offline-page";

/** The demo project end to end: build the lake, export the dashboard, open it with the network cut. */
let dir: string;
let browser: Browser;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-dashboard-"));
  expect((await lakebook(["demo", "demo"], dir)).code).toBe(0);
  // Publishing is not built yet, so the run ends in an error; the REFINED tables are what matter.
  await lakebook(["run", path.join(dir, "demo", "horror-subgenres.lakebook.md")], dir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("lakebook export --html on the demo", () => {
  it("writes one file that draws every demo chart in Chromium with every request blocked", async () => {
    const file = path.join(dir, "dashboard.html");
    const result = await lakebook(
      ["export", "demo/horror-subgenres.lakebook.md", "--html", file, "--json"],
      dir,
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: true, file, filters: ["subgenre", "decade"] });
    expect(report.kpis).toEqual(["kpi_titles", "kpi_rating", "kpi_votes"]);
    const drawn = ["rating_by_subgenre", "votes_heatmap", "releases_by_decade", "budget_vs_revenue"];
    expect(report.charts.map((c: { id: string }) => c.id)).toEqual([...report.kpis, ...drawn]);
    const pushed = report.charts
      .filter((c: { pushedDown: boolean }) => c.pushedDown)
      .map((c: { id: string }) => c.id);
    expect(pushed).toEqual(["votes_heatmap", "releases_by_decade"]);

    const html = await readFile(file, "utf8");
    expect(html).toContain("<title>Which horror subgenres do audiences prefer?</title>");

    const { page, requests, problems } = await openOffline(browser, file);
    const states = await chartStates(page);
    expect(states.map((s) => s.id)).toEqual(drawn);
    for (const state of states) {
      expect(state, state.id).toMatchObject({ rendered: true, svgs: 1 });
      expect(state.marks, state.id).toBeGreaterThan(0);
    }
    expect(await page.locator(".kpi").count()).toBe(3);
    expect(await page.locator("#kpi-kpi_titles .kpi-value").textContent()).toMatch(/^\d[\d,]*$/);

    // The subgenre select filters every chart whose rows hold a subgenre, and only those.
    const bars = () => page.locator("#chart-rating_by_subgenre g.role-mark.mark-rect > path").count();
    const before = await bars();
    await page.selectOption("#filter-subgenre", "zombie");
    await expect.poll(bars).toBe(1);
    expect(before).toBeGreaterThan(1);
    expect(await page.locator("#chart-releases_by_decade g.role-mark > path").count()).toBeGreaterThan(0);

    expect(problems).toEqual([]);
    expect(requests).toEqual([new URL(`file://${file}`).href]);
    await page.close();
  });
});
