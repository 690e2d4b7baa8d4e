import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "playwright-core";

/** Screenshots are kept as test artifacts (git-ignored), one per look: light, dark, pt-BR. */
export const ARTIFACTS = fileURLToPath(new URL("../../artifacts/", import.meta.url));

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

export function cell(page: Page, id: string): Locator {
  return page.locator(`[data-cell-id="${id}"]`);
}

/** Waits until the cell's data-status is one of `statuses`. */
export async function waitForStatus(
  page: Page,
  id: string,
  statuses: string[],
  timeout = 60_000,
): Promise<string> {
  const selector = statuses.map((s) => `[data-cell-id="${id}"][data-status="${s}"]`).join(", ");
  await page.locator(selector).first().waitFor({ timeout });
  return (await cell(page, id).getAttribute("data-status")) ?? "";
}

/** Types at the end of a cell's source in its Monaco editor. */
export async function typeInCell(page: Page, id: string, text: string): Promise<void> {
  await cell(page, id).locator("pre.cell-code, .markdown-view").first().click();
  const editor = cell(page, id).locator(".monaco-editor textarea").first();
  await editor.waitFor();
  await editor.focus();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}
