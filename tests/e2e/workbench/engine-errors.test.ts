import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser";
import { serveNotebook } from "../helpers/serve";
import { cell, waitForStatus } from "./page-helpers";

/**
 * What a student meets when data or SQL goes wrong: a ragged RAW CSV read as Spark reads it (and
 * the count of malformed rows), the file removed from RAW after a confirmation naming it, each cell
 * labelled with its engine, and a SQL error in plain words, DuckDB's text under Details and a marker
 * in the editor at its line.
 */
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

const DAY = "Raw/Local/CSV/Movies/2026/11/25";
const NOTEBOOK = `---
lakebook: 1
title: Ragged
---

\`\`\`transform {#trusted_movies}
-- output: trusted.movies
-- inputs:
--   m: { path: Raw/Local/CSV/Movies/, format: csv, options: { sep: "|", header: "true" } }
SELECT * FROM m
\`\`\`

\`\`\`sql {#bad_sql}
SELECT id,
  count(*) AS n FROM trusted.movies
GROUP BY id ORDER
\`\`\`
`;

async function raggedProject(): Promise<{ dir: string; notebook: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "lakebook-e2e-ragged-"));
  const folder = path.join(dir, ".lake", DAY);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "movies.csv"), "id|titulo\ntt1|Alien\ntt2|Jaws\n");
  const wide = Array.from({ length: 17 }, (_, index) => `f${index}`).join("|");
  await writeFile(path.join(folder, "movies-extra.csv"), `id|titulo\n${wide}\ntt3\n`);
  const notebook = path.join(dir, "ragged.lakebook.md");
  await writeFile(notebook, NOTEBOOK);
  return { dir, notebook };
}

describe("engine errors and RAW files in Chromium", () => {
  it("reads a ragged CSV, removes the stray file with a confirmation, and points at a SQL error", async () => {
    const { dir, notebook } = await raggedProject();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const served = await serveNotebook(notebook);
    cleanups.push(() => served.stop());
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 860 } });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    await page.goto(served.url);
    await cell(page, "trusted_movies").waitFor({ timeout: 30_000 });

    // Each cell says which engine runs it.
    await expect(cell(page, "trusted_movies").locator(".cell-engine").innerText()).resolves.toBe(
      "Spark SQL (on DuckDB locally)",
    );
    await expect(cell(page, "bad_sql").locator(".cell-engine").innerText()).resolves.toBe("DuckDB (local)");

    // PERMISSIVE, as Spark: the ragged rows are read, and counted.
    await page.getByRole("button", { name: "Run all", exact: true }).click();
    await expect(waitForStatus(page, "trusted_movies", ["ok", "error"])).resolves.toBe("ok");
    await expect(
      cell(page, "trusted_movies").getByRole("region", { name: "Malformed rows" }).innerText(),
    ).resolves.toContain(
      "Input m: 2 rows have a different number of fields than the header (PERMISSIVE: extra fields dropped, missing ones NULL). The first is Raw/Local/CSV/Movies/2026/11/25/movies-extra.csv, line 2.",
    );

    // The SQL error: plain headline, DuckDB's text folded under Details, a marker at its line.
    await expect(waitForStatus(page, "bad_sql", ["ok", "error"])).resolves.toBe("error");
    const failed = cell(page, "bad_sql");
    await expect(failed.locator(".error-message").innerText()).resolves.toMatch(
      /^Syntax error at line 3, column \d+/,
    );
    await expect(failed.locator(".error-engine-text").isVisible()).resolves.toBe(false);
    await failed.locator(".error-details summary").click();
    await expect(failed.locator(".error-engine-text").innerText()).resolves.toContain("Parser Error");
    await failed.locator("pre.cell-code").click();
    await failed.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: 15_000 });
    await page.keyboard.press("Escape");

    // The stray file leaves RAW after a confirmation that names it; the other stays.
    await page.evaluate(() => {
      for (const details of document.querySelectorAll<HTMLDetailsElement>(".lake-browser details"))
        details.open = true;
    });
    const extra = `${DAY}/movies-extra.csv`;
    await page.getByRole("button", { name: `Remove ${extra} from RAW` }).click();
    const dialog = page.getByRole("dialog", { name: "Remove a RAW file" });
    await expect(dialog.innerText()).resolves.toContain(extra);
    await dialog.getByRole("button", { name: "Remove the file" }).click();
    await page.getByRole("button", { name: `Remove ${extra} from RAW` }).waitFor({ state: "detached" });
    await page.evaluate(() => {
      for (const details of document.querySelectorAll<HTMLDetailsElement>(".lake-browser details"))
        details.open = true;
    });
    await expect(
      page.getByRole("button", { name: `Remove ${DAY}/movies.csv from RAW` }).count(),
    ).resolves.toBe(1);
  });
});
