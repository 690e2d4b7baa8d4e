import { describe, expect, it } from "vitest";
import { browserSessions } from "./browser-sessions";
import { cell, typeInCell, waitForStatus } from "./page-helpers";
import { type Session, sqlCell } from "./session";

const sessions = browserSessions();
let session: Session;

const CELLS = [
  sqlCell("make", "CREATE OR REPLACE TABLE picks AS SELECT range AS x FROM range(250)"),
  sqlCell("use", "SELECT x, x * 1000 AS big FROM picks"),
  // Slow enough to be seen running (a few hundred ms), not so slow that the test waits on it.
  sqlCell("slow", "SELECT count(*) AS n FROM range(60000000) a"),
  sqlCell("broken", "SELECT nope FROM picks"),
  sqlCell("last", "SELECT 4 AS four"),
].join("\n");

describe("Run all as the user follows it, and outputs after a reload", () => {
  it("shows n of N, stops visibly on a failure with Go to cell, and restores outputs on reload", async () => {
    session = sessions.start();
    const served = await session.serve(await session.project(CELLS));
    const page = await session.open(served.url);
    await page.getByRole("button", { name: "Run all", exact: true }).click();

    // Progress in sight while it runs: "Running 3 of 5: slow".
    const summary = page.locator("[data-run-summary]");
    await expect.poll(() => summary.innerText(), { timeout: 60_000 }).toMatch(/Running [1-5] of 5/);

    // Stopped at `broken`: a banner the eye sees (not only the screen reader), and no "Done" for the run.
    await waitForStatus(page, "broken", ["error"]);
    const banner = page.locator('[data-run-summary="failed"]');
    await banner.waitFor();
    expect(await banner.getAttribute("role")).toBe("alert");
    expect(await banner.innerText()).toMatch(/Run stopped at broken \(4 of 5\)/);
    expect(await banner.isVisible()).toBe(true);
    expect(await page.locator(".queue").innerText()).toContain("Stopped at broken.");
    expect(await cell(page, "last").getAttribute("data-status")).toBe("idle");

    // "Go to cell" selects the failed cell and brings it into view.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole("button", { name: "Go to cell broken" }).click();
    await expect
      .poll(() => cell(page, "broken").evaluate((el) => el.classList.contains("selected")))
      .toBe(true);
    const box = await cell(page, "broken").boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.y < viewport.height && box.y + box.height > 0).toBe(true);

    // Edit `use` (saved), then reload: every output is back, `use` stale, `broken`'s error kept.
    await typeInCell(page, "use", " WHERE x > 10");
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
    await page.reload();
    await page.locator("[data-cell-id]").first().waitFor();
    await waitForStatus(page, "make", ["ok"]);
    await waitForStatus(page, "use", ["stale"]);
    await waitForStatus(page, "slow", ["ok"]);
    await waitForStatus(page, "broken", ["error"]);
    expect(await cell(page, "last").getAttribute("data-status")).toBe("idle");
    expect(await cell(page, "broken").innerText()).toContain("nope");
    expect(await cell(page, "make").locator("[data-restored]").innerText()).toContain(
      "Output from the last session",
    );
    // The kept rows of a result: the first 100 of 250, and the table says so.
    const use = cell(page, "use");
    expect(await use.getByRole("table").getAttribute("aria-rowcount")).toBe("101");
    expect(await use.innerText()).toContain("The first 100 of 250 rows");
    // Numbers grouped the user's way; a small one (a year, a count) stays bare.
    await use.getByRole("table").evaluate((el) => {
      el.scrollTop = el.scrollHeight;
      el.dispatchEvent(new Event("scroll"));
    });
    const row = use.locator('[role="row"][aria-rowindex="101"]');
    await expect.poll(() => row.innerText()).toMatch(/\b99\s+99,000\b/);

    // Clear outputs: every cell back to "Not run", the outputs gone from the page.
    await page.getByRole("button", { name: "Clear outputs", exact: true }).click();
    for (const id of ["make", "use", "slow", "broken"]) await waitForStatus(page, id, ["idle"]);
    expect(await page.locator("[data-restored]").count()).toBe(0);
  });
});
