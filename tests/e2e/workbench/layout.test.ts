import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSessions } from "./browser-sessions";
import { screenshot } from "./page-helpers";
import type { Session } from "./session";

/**
 * The workbench on a laptop's screen: the Settings popover stays inside the window at 1366×768
 * and 1280×720 with every control reachable, and the side panel can be resized and collapsed.
 */

const sessions = browserSessions();
let session: Session;

async function insideViewport(page: Page, element: Locator): Promise<void> {
  const box = await element.boundingBox();
  const size = page.viewportSize();
  expect(box, "the element is drawn").not.toBeNull();
  if (!box || !size) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height);
}

/** Every section of the open Settings popover is opened (the tallest it gets), then checked. */
async function expectSettingsInside(page: Page): Promise<void> {
  const popover = page.locator(".menu-body");
  await popover.waitFor();
  while ((await popover.locator("details:not([open]) > summary").count()) > 0) {
    await popover.locator("details:not([open]) > summary").first().click();
  }
  await popover.locator(".target-form select").first().selectOption("aws");
  await insideViewport(page, popover);
  // Reachable: each control, scrolled into view inside the popover, lies inside the window and
  // is what a click at its centre lands on (nothing covers it, nothing clips it).
  const reach = await popover.evaluate((body) => {
    const controls = [...body.querySelectorAll("select, input, button, summary")];
    const missed: string[] = [];
    for (const el of controls) {
      el.scrollIntoView({ block: "nearest" });
      const r = el.getBoundingClientRect();
      const inside = r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      const hit = top !== null && (top === el || el.contains(top));
      if (!inside || !hit) missed.push(el.outerHTML.slice(0, 80));
    }
    return { count: controls.length, missed };
  });
  expect(reach.count).toBeGreaterThan(8);
  expect(reach.missed).toEqual([]);
}

describe("the Settings popover on a laptop screen", () => {
  it("stays inside 1366×768 and 1280×720 windows, in English and Portuguese, every control reachable", async () => {
    session = sessions.start();
    const served = await session.serve(await session.project());
    const page = await session.open(served.url, { viewport: { width: 1366, height: 768 } });
    await page.locator(".menu > summary").click();
    await expectSettingsInside(page);

    await page.setViewportSize({ width: 1280, height: 720 });
    await expectSettingsInside(page);

    // Portuguese labels are longer: the toolbar may wrap and push the popover down.
    await page.locator(".menu-body select").first().selectOption("pt-BR");
    await expect.poll(() => page.locator(".menu > summary").innerText()).not.toBe("Settings");
    await expectSettingsInside(page);
    await screenshot(page, "settings-1280x720-pt-BR");
  }, 120_000);
});

describe("the side panel", () => {
  it("resizes by dragging and by keys, collapses and expands, and is remembered after a reload", async () => {
    session = sessions.start();
    const served = await session.serve(await session.project());
    const page = await session.open(served.url, { viewport: { width: 1366, height: 768 } });
    const splitter = page.getByRole("separator", { name: "Resize the side panel" });
    const panel = page.getByRole("complementary", { name: "Side panel" });
    const notebook = page.getByRole("main", { name: "Notebook" });
    const widthOf = async (element: Locator) => (await element.boundingBox())?.width ?? 0;
    expect(await splitter.getAttribute("aria-valuenow")).toBe("400");
    expect(Math.round(await widthOf(panel))).toBe(400);
    const notebookBefore = await widthOf(notebook);

    // Drag the splitter 120 px to the left: the panel widens by as much, the notebook narrows.
    const box = await splitter.boundingBox();
    if (!box) throw new Error("the splitter is not drawn");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2, { steps: 3 });
    await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2, { steps: 3 });
    await page.mouse.up();
    expect(await splitter.getAttribute("aria-valuenow")).toBe("520");
    expect(Math.round(await widthOf(panel))).toBe(520);
    expect(Math.round(notebookBefore - (await widthOf(notebook)))).toBe(120);

    // Keys: → narrows by 16, Home to the narrowest, End to the widest this window allows.
    await splitter.focus();
    await page.keyboard.press("ArrowRight");
    expect(await splitter.getAttribute("aria-valuenow")).toBe("504");
    await page.keyboard.press("Home");
    expect(await splitter.getAttribute("aria-valuenow")).toBe("240");
    await page.keyboard.press("End");
    expect(await splitter.getAttribute("aria-valuenow")).toBe(await splitter.getAttribute("aria-valuemax"));
    await page.keyboard.press("Shift+ArrowRight");
    const kept = await splitter.getAttribute("aria-valuenow");

    // Collapse: the panel goes, the notebook takes its room; the choice survives a reload.
    await page.getByRole("button", { name: "Hide the side panel" }).click();
    await panel.waitFor({ state: "hidden" });
    expect(await widthOf(notebook)).toBeGreaterThan(1366 - 60);
    await page.reload();
    await page.locator("[data-cell-id]").first().waitFor();
    expect(await page.getByRole("complementary", { name: "Side panel" }).isVisible()).toBe(false);
    await page.getByRole("button", { name: "Show the side panel" }).click();
    await panel.waitFor();
    expect(await splitter.getAttribute("aria-valuenow")).toBe(kept);
    expect(Math.round(await widthOf(panel))).toBe(Number(kept));
    await screenshot(page, "side-panel-1366x768");
  }, 120_000);
});
