import { describe, expect, it } from "vitest";
import { browserSessions } from "./browser-sessions";
import { cell, screenshot, waitForStatus } from "./page-helpers";
import { type Session, sqlCell } from "./session";

const sessions = browserSessions();
let session: Session;

// A dimension broken by its builder (a NULL key, a repeated key), a fact that is fine, their checks,
// and a cell after them that Run all must not reach.
const CELLS = [
  sqlCell(
    "build_genres",
    "CREATE TABLE refined.dim_genre AS SELECT * FROM (VALUES (1, 'Horror'), (2, 'Mystery'), (2, 'Thriller'), (NULL, 'Gothic')) t(genre_id, genre)",
  ),
  sqlCell(
    "build_facts",
    "CREATE TABLE refined.fact_title_genre AS SELECT * FROM (VALUES ('tt01', 1), ('tt02', 2)) t(title_id, genre_id)",
  ),
  [
    "```check {#model_checks}",
    "checks:",
    "  - table: refined.dim_genre",
    "    notNull: [genre_id]",
    "    unique: [genre_id]",
    "  - table: refined.fact_title_genre",
    "    rowCount: {min: 1}",
    "```",
    "",
  ].join("\n"),
  sqlCell("after_checks", "SELECT 1 AS one"),
].join("\n");

describe("data checks as a pass/fail table", () => {
  it("shows FAIL with the failing rows, stops Run all, and goes to the cell that builds the table", async () => {
    session = sessions.start();
    const served = await session.serve(await session.project(CELLS));
    const page = await session.open(served.url);
    await page.getByRole("button", { name: "Run all", exact: true }).click();

    // The check fails the cell (CHECKS_FAILED), so Run all stops before the next cell.
    await expect(waitForStatus(page, "model_checks", ["ok", "error"])).resolves.toBe("error");
    await page.locator('[data-run-summary="failed"]').waitFor();
    expect(await cell(page, "after_checks").getAttribute("data-status")).toBe("idle");

    const output = cell(page, "model_checks").getByRole("group", { name: "Data checks of model_checks" });
    await output.waitFor();
    const rows = output.getByRole("table", { name: "Checks on refined.dim_genre" }).locator("tbody tr");
    await expect(rows.allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^genre_id is not null\s+✗ FAIL\s+1 failing row$/),
      expect.stringMatching(/^genre_id is unique\s+✗ FAIL\s+2 failing rows$/),
    ]);
    const facts = output
      .getByRole("table", { name: "Checks on refined.fact_title_genre" })
      .locator("tbody tr");
    await expect(facts.allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^row count ≥ 1\s+✓ PASS\s+no failing rows$/),
    ]);

    // The failing rows, as small tables: the row with the NULL key, the repeated key with its count.
    const nulls = output.getByRole("table", {
      name: "Failing rows of “genre_id is not null” on refined.dim_genre (first 1)",
    });
    await expect(nulls.locator("tbody tr").allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^NULL\s+Gothic$/),
    ]);
    const repeated = output.getByRole("table", {
      name: "Failing rows of “genre_id is unique” on refined.dim_genre (first 1)",
    });
    await expect(repeated.locator("thead th").allInnerTexts()).resolves.toEqual(["genre_id", "rows"]);
    await expect(repeated.locator("tbody tr").allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^2\s+2$/),
    ]);
    // The error's headline stays; its hint (the same results as terminal text) does not repeat them.
    expect(await cell(page, "model_checks").locator(".error-hint").count()).toBe(0);
    await output.scrollIntoViewIfNeeded();
    await screenshot(page, "checks-table-failed");

    // The fix belongs in the cell that builds the table: one click there.
    await page.evaluate(() => window.scrollTo(0, 0));
    await output.getByRole("button", { name: "Go to the cell that builds refined.dim_genre" }).click();
    await expect
      .poll(() => cell(page, "build_genres").evaluate((el) => el.classList.contains("selected")))
      .toBe(true);
    // Three DuckDB cells and a browser on two shared cores: more than the default minute, at times.
  }, 120_000);
});
