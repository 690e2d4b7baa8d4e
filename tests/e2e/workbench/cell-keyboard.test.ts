import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSessions } from "./browser-sessions";
import { cell } from "./page-helpers";
import { type Session, sqlCell } from "./session";

const sessions = browserSessions();
let session: Session;

/** The focused element's accessible name as the tests read it (the toolbar's buttons name themselves). */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element?.getAttribute("aria-label") ?? element?.innerText ?? "";
  });

describe("a cell's buttons on the keyboard", () => {
  it("are one Tab stop a cell on the way to the lake search, with arrows inside and a name on each", async () => {
    session = sessions.start();
    const served = await session.serve(await session.project());
    const page = await session.open(served.url);
    const cells = await page.locator("[data-cell-id]").count();
    expect(cells).toBeGreaterThan(30);

    // Every focus on the way is logged in the page, so the presses need no round trip each.
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { focusLog: string[] }).focusLog = log;
      document.addEventListener("focusin", (event) => {
        const element = event.target as HTMLElement;
        log.push(element.getAttribute("aria-label") ?? element.tagName);
      });
    });
    await cell(page, "intro").focus();
    const search = "Search tables and columns";
    const bound = 3 * cells;
    let presses = -1;
    for (let done = 0; done < bound && presses < 0; done += 10) {
      for (let i = 0; i < 10; i++) await page.keyboard.press("Tab");
      const log = await page.evaluate(() => (window as unknown as { focusLog: string[] }).focusLog);
      presses = log.indexOf(search) + 1 || -1;
    }
    // Was 6 a cell (260 for the demo); now the toolbar, and the few cells that have a picker or a builder (53).
    expect(presses).toBeGreaterThan(cells);
    expect(presses).toBeLessThanOrEqual(bound);
    // Inside a toolbar the arrows, Home and End move; Tab enters on the button used last.
    await cell(page, "raw_first_look").focus();
    await page.keyboard.press("Tab");
    expect(await focusedName(page)).toBe("Run raw_first_look");
    await page.keyboard.press("ArrowRight");
    expect(await focusedName(page)).toBe("Edit raw_first_look");
    await page.keyboard.press("End");
    expect(await focusedName(page)).toBe("More actions of raw_first_look");
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowLeft");
    expect(await focusedName(page)).toBe("More actions of raw_first_look");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    expect(await focusedName(page)).toBe("More actions of raw_first_look");
    expect(await page.locator("[data-cell-id] [role=toolbar]").count()).toBe(cells);
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll("[data-cell-id] [role=toolbar]")].flatMap((toolbar) => [
        ...(toolbar.getAttribute("aria-label") ? [] : ["toolbar"]),
        ...[...toolbar.querySelectorAll("button")]
          .filter((button) => !button.getAttribute("aria-label")?.trim())
          .map((button) => button.outerHTML),
      ]),
    );
    expect(unnamed).toEqual([]);
  });

  it("folds a cell's code and changes its kind from its menu, and Undo takes the change back", async () => {
    session = sessions.start();
    const notebook = await session.project(
      `${sqlCell("first", "SELECT 1 AS n\nFROM range(3)")}\n${sqlCell("second", "SELECT 2")}`,
    );
    const served = await session.serve(notebook);
    const page = await session.open(served.url);

    const fold = page.getByRole("button", { name: "Collapse the code of first" });
    await fold.click();
    await expect.poll(() => cell(page, "first").locator("pre.cell-code").innerText()).toBe("SELECT 1 AS n …");
    expect(
      await page.getByRole("button", { name: "Expand the code of first" }).getAttribute("aria-expanded"),
    ).toBe("false");

    // The menu by keyboard: Enter opens it on the current kind, Up goes to Markdown, Enter picks it.
    await page.getByRole("button", { name: "More actions of second" }).focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu", { name: "Change the kind of second" });
    await menu.waitFor();
    expect(await focusedName(page)).toBe("SQL");
    await page.keyboard.press("ArrowUp");
    expect(await focusedName(page)).toBe("Markdown");
    await page.keyboard.press("Enter");
    await expect.poll(() => cell(page, "second").getAttribute("data-kind")).toBe("markdown");
    expect(await cell(page, "second").innerText()).toContain("SELECT 2");
    expect(await focusedName(page)).toBe("More actions of second");

    const undo = page.getByRole("button", { name: "Undo", exact: true });
    await undo.click();
    await expect.poll(() => cell(page, "second").getAttribute("data-kind")).toBe("sql");
    expect(await cell(page, "second").locator("pre.cell-code").innerText()).toBe("SELECT 2");
  });

  it("changes the selected cell's kind from the palette, and Undo takes the change back", async () => {
    session = sessions.start();
    const notebook = await session.project(
      `${sqlCell("first", "SELECT 1")}\n${sqlCell("second", "SELECT 2")}`,
    );
    const served = await session.serve(notebook);
    const page = await session.open(served.url);

    // Keyboard only: J selects the second cell, the palette finds the command, Up then Enter picks Markdown.
    await cell(page, "first").focus();
    await page.keyboard.press("j");
    await page.keyboard.press("Control+Shift+P");
    await page.getByRole("combobox", { name: "Type a command" }).fill("kind");
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", { name: "Change the kind of second" }).waitFor();
    expect(await focusedName(page)).toBe("SQL");
    await page.keyboard.press("ArrowUp");
    expect(await focusedName(page)).toBe("Markdown");
    await page.keyboard.press("Enter");
    await expect.poll(() => cell(page, "second").getAttribute("data-kind")).toBe("markdown");
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(await cell(page, "second").innerText()).toContain("SELECT 2");

    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await expect.poll(() => cell(page, "second").getAttribute("data-kind")).toBe("sql");
    expect(await cell(page, "second").locator("pre.cell-code").innerText()).toBe("SELECT 2");
  });
});
