import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSessions } from "./browser-sessions";
import { cell, waitForStatus } from "./page-helpers";
import { type Session, sqlCell } from "./session";

const sessions = browserSessions();
let session: Session;

const CELLS = [
  sqlCell("totals", "SELECT 'a' AS genre, 3 AS n UNION ALL SELECT 'b', 5"),
  sqlCell("answer", "SELECT 42 AS answer"),
].join("\n");

/** Adds a cell of `kind` below the selected one with the toolbar; answers the new cell's id. */
async function addCell(page: Page, kind: string): Promise<string> {
  const before = await page.locator(`[data-kind="${kind}"]`).count();
  await page.getByRole("combobox", { name: "Kind of new cell" }).selectOption(kind);
  await page.getByRole("button", { name: "Add cell", exact: true }).click();
  await expect.poll(() => page.locator(`[data-kind="${kind}"]`).count()).toBe(before + 1);
  await page.keyboard.press("Escape");
  return (await page.locator(".cell.selected").getAttribute("data-cell-id")) ?? "";
}

async function openBuilder(page: Page, id: string) {
  await cell(page, id).locator("summary", { hasText: "Chart builder" }).click();
  return cell(page, id).getByRole("group", { name: `Chart builder for ${id}` });
}

/** The WCAG contrast ratio of an element's text colour on its card's background. */
function contrastOf(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (css: string) => {
      const [r = 0, g = 0, b = 0] = rgb(css).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const fg = luminance(getComputedStyle(el).color);
    const bg = luminance(getComputedStyle(el.parentElement as Element).backgroundColor);
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  });
}

describe("a chart made in the UI", () => {
  it("starts valid on the SQL cell above, picks its source and the KPI form, and a failing chart does not sink the export", async () => {
    session = sessions.start();
    const notebook = await session.project(CELLS);
    const served = await session.serve(notebook);
    const page = await session.open(served.url);
    await page.getByRole("button", { name: "Run all", exact: true }).click();
    await waitForStatus(page, "answer", ["ok"]);

    // Below `answer`: a new chart is bound to it and runs as it is, with nothing typed.
    await cell(page, "answer").click();
    const chart = await addCell(page, "chart");
    await page.getByRole("button", { name: `Run ${chart}`, exact: true }).click();
    expect(await waitForStatus(page, chart, ["ok", "error"])).toBe("ok");
    const svg = cell(page, chart).locator('[data-chart-view="drawn"] svg').first();
    await svg.waitFor();
    // As wide as its cell, not Vega's small default.
    const cellWidth = (await cell(page, chart).boundingBox())?.width ?? 0;
    expect((await svg.boundingBox())?.width ?? 0).toBeGreaterThan(cellWidth * 0.8);

    // The builder picks the data from a list (no `source=` to type) and offers the KPI card.
    const builder = await openBuilder(page, chart);
    await builder.getByRole("combobox", { name: "Data" }).selectOption("cell:totals");
    await builder.getByRole("checkbox", { name: "Show as a KPI card (one number)" }).check();
    await builder.getByRole("combobox", { name: "Value" }).selectOption("n");
    await builder.getByRole("textbox", { name: "Caption" }).fill("Titles");
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
    const saved = await readFile(notebook, "utf8");
    expect(saved).toContain(`\`\`\`chart {#${chart} source=totals kpi}`);
    expect(saved).toMatch(/"mark": "text"[\s\S]*"field": "n"[\s\S]*"title": "Titles"/);
    await page.getByRole("button", { name: `Run ${chart}`, exact: true }).click();
    await waitForStatus(page, chart, ["ok"]);
    // Drawn as a card, as in the exported dashboard, readable in both themes.
    const card = cell(page, chart).locator(`[data-kpi-card="${chart}"]`);
    expect(await card.innerText()).toMatch(/^3\s+Titles$/);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await contrastOf(card.locator(".kpi-value")), colorScheme).toBeGreaterThan(7);
    }

    // A second chart, its data taken away: the export leaves it out and says so, keeping the rest.
    await cell(page, chart).click();
    const broken = await addCell(page, "chart");
    const brokenBuilder = await openBuilder(page, broken);
    await brokenBuilder.getByRole("combobox", { name: "Data" }).selectOption("");
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export dashboard", exact: true }).click(),
    ]);
    const html = await readFile((await download.path()) ?? "", "utf8");
    expect(html).toContain("Charts left out because they failed");
    // The KPI made above is in, as a tile with its caption.
    expect(html).toContain("Titles");
    const state = page.locator('[data-export-state="skipped"]');
    await state.waitFor();
    expect(await state.innerText()).toContain(`without ${broken}`);
  });
});
