import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSessions } from "./browser-sessions";
import { cell, waitForStatus } from "./page-helpers";
import type { Session } from "./session";

const sessions = browserSessions();
let session: Session;

/** A new SQL cell below the selected one, in edit mode (Monaco focused). */
async function newSqlCell(page: Page): Promise<string> {
  await page.getByRole("combobox", { name: "Kind of new cell" }).selectOption("sql");
  await page.getByRole("button", { name: "Add cell", exact: true }).click();
  const id = (await page.locator(".cell.selected").getAttribute("data-cell-id")) ?? "";
  await page.keyboard.press("Enter");
  await cell(page, id).locator(".monaco-editor textarea").first().waitFor();
  return id;
}

const suggestWidget = (page: Page) => page.locator(".suggest-widget.visible");
const editorText = (page: Page, id: string) =>
  page.evaluate(
    (cellId) =>
      [...document.querySelectorAll(`[data-cell-id="${cellId}"] .view-line`)]
        .map((line) => (line.textContent ?? "").replace(/\u00a0/g, " "))
        .join("\n"),
    id,
  );

describe("the SQL editor's keys", () => {
  it("ends the line on Enter with suggestions open, and takes a suggestion with Tab", async () => {
    session = sessions.start();
    const served = await session.serveHere(await session.project());
    const page = await session.open(served.url);
    // raw.movies in the catalog, so the editor suggests it.
    await page.getByRole("button", { name: "Run ingest_movies", exact: true }).click();
    await waitForStatus(page, "ingest_movies", ["ok"]);
    await cell(page, "ingest_movies").click();

    const id = await newSqlCell(page);
    await page.keyboard.type("SELECT * FROM raw.movies");
    await suggestWidget(page).waitFor();
    await page.keyboard.press("Enter");
    await page.keyboard.type("LIMIT 3");
    await expect.poll(() => editorText(page, id)).toBe("SELECT * FROM raw.movies\nLIMIT 3");

    const second = await newSqlCell(page);
    await page.keyboard.type("SELECT * FROM raw.mov");
    await suggestWidget(page).waitFor();
    await page.keyboard.press("Tab");
    await expect.poll(() => editorText(page, second)).toMatch(/^SELECT \* FROM raw\.movies\s*$/);
  });
});
