import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser";
import { serveNotebook } from "../helpers/serve";
import { demoProject } from "./demo-projects";
import { cell, screenshot, typeInCell, waitForStatus } from "./page-helpers";
import { serveHere } from "./serve-here";

/** Kinds whose stage is built in this version; the others must fail with NOT_IMPLEMENTED, never pass. */
const BUILT_KINDS = new Set(["markdown", "sql", "ingest", "tmdb", "transform", "check", "chart", "publish"]);

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

type Look = { locale?: string; colorScheme?: "light" | "dark" };

/** A page of its own (a fresh browser context) on a served notebook. */
async function openPage(url: string, options: Look = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: options.locale ?? "en-US",
    colorScheme: options.colorScheme ?? "light",
    viewport: { width: 1280, height: 860 },
  });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  await page.goto(url);
  await page.locator("[data-cell-id]").first().waitFor({ timeout: 30_000 });
  return page;
}

/**
 * The notebook served, and a page on it. In this process by default; the heavy runs (the whole
 * demo, a million rows) keep a service process of their own, as a user's `lakebook serve` is.
 */
async function open(
  notebook: string,
  options: Look = {},
  serve: (notebook: string) => Promise<{ url: string; stop(): Promise<void> }> = serveHere,
) {
  const served = await serve(notebook);
  cleanups.push(() => served.stop());
  return { page: await openPage(served.url, options), served };
}

/** A fresh copy of the demo project holding one more notebook made of `cells`. */
async function project(cells: string) {
  const { dir } = await demoProject();
  const notebook = path.join(dir, "test.lakebook.md");
  await writeFile(notebook, `---\nlakebook: 1\ntitle: Test notebook\n---\n\n${cells}`);
  return notebook;
}

const sqlCell = (id: string, sql: string) => `\`\`\`sql {#${id}}\n${sql}\n\`\`\`\n`;

describe("the workbench in Chromium", () => {
  it("opens the demo notebook; Run all runs every built cell to ok", async () => {
    const { notebook } = await demoProject();
    const { page } = await open(notebook, {}, serveNotebook);
    const cells = await page.locator("[data-cell-id]").evaluateAll((els) =>
      els.map((el) => ({
        id: el.getAttribute("data-cell-id") ?? "",
        kind: el.getAttribute("data-kind") ?? "",
      })),
    );
    expect(cells.map((c) => c.id)).toContain("ingest_movies");
    await screenshot(page, "light");
    await page.getByRole("button", { name: "Run all", exact: true }).click();
    // Run all stops at the first failure: everything before it that is built must be ok.
    for (const { id, kind } of cells) {
      const status = await waitForStatus(page, id, ["ok", "error"]);
      if (status === "error") {
        expect(BUILT_KINDS.has(kind), `${id} (${kind}) failed`).toBe(false);
        // The message and hint are drawn in the cell; the code sits in the folded details.
        await expect(cell(page, id).textContent()).resolves.toContain("NOT_IMPLEMENTED");
        break;
      }
    }
    // The TMDB cell ran on the offline sample: its view says so, counts what it found, shows the Python.
    const tmdb = cell(page, "tmdb_enrich").getByRole("group", { name: "What tmdb_enrich fetched from TMDB" });
    await expect(tmdb.getByText("Offline sample", { exact: true }).count()).resolves.toBe(1);
    const found = await tmdb.locator('[data-count="found"] dd').innerText();
    expect(Number(found.replaceAll(",", ""))).toBeGreaterThan(0);
    await expect(tmdb.locator('[data-count="total"] dd').innerText()).resolves.toBe(found);
    // Every fold open (files, records, Python), so axe checks them too.
    await tmdb.evaluate((el) => {
      for (const details of el.querySelectorAll("details")) details.open = true;
    });
    await expect(tmdb.locator(".tmdb-python pre > code").innerText()).resolves.toContain("s3.put_object(");
    await expect(
      tmdb.getByRole("button", { name: "Copy the Python script of tmdb_enrich" }).isVisible(),
    ).resolves.toBe(true);
    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });

  it("scrolls a million-row result to row 500,000 without holding it in the page", async () => {
    const notebook = await project(
      sqlCell("million", "SELECT range AS n, range * 2 AS twice FROM range(1000000)"),
    );
    const { page } = await open(notebook, {}, serveNotebook);
    await page.getByRole("button", { name: "Run million", exact: true }).click();
    await waitForStatus(page, "million", ["ok"]);
    const table = cell(page, "million").getByRole("table");
    await expect(table.getAttribute("aria-rowcount")).resolves.toBe("1000001");
    // Scroll half way down the scroller itself, as a user dragging the scrollbar would.
    await table.evaluate((el) => {
      el.scrollTop = (el.scrollHeight - el.clientHeight) / 2;
      el.dispatchEvent(new Event("scroll"));
    });
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-cell-id="million"] [role="row"][aria-rowindex]')];
      return rows.some(
        (r) =>
          Math.abs(Number(r.getAttribute("aria-rowindex")) - 500_000) < 2_000 &&
          /\d/.test(r.textContent ?? ""),
      );
    });
    // Straight to row 500,001 (n = 500000) with "Go to row".
    await cell(page, "million").getByRole("spinbutton").fill("500001");
    await cell(page, "million").getByRole("spinbutton").press("Enter");
    const target = cell(page, "million").locator('[role="row"][aria-rowindex="500002"]');
    // The page arrives from the service a moment after the jump; the row shows n = 500000 then.
    await expect
      .poll(() => target.innerText(), { timeout: 10_000 })
      .toMatch(/\b500,?000\b[\s\S]*\b1,?000,?000\b/);
    const rowsInDom = await cell(page, "million").locator('[role="rowgroup"] [role="row"]').count();
    expect(rowsInDom).toBeLessThan(200);
  });

  it("marks an edited SQL cell and everything downstream stale", async () => {
    const notebook = await project(
      [
        sqlCell("make", "CREATE OR REPLACE TABLE picks AS SELECT 1 AS x"),
        sqlCell("use", "SELECT * FROM picks"),
        sqlCell("unrelated", "SELECT 42 AS answer"),
      ].join("\n"),
    );
    const { page } = await open(notebook);
    await page.getByRole("button", { name: "Run all", exact: true }).click();
    for (const id of ["make", "use", "unrelated"]) await waitForStatus(page, id, ["ok"]);
    await typeInCell(page, "make", ", 2 AS y");
    await waitForStatus(page, "make", ["stale"]);
    await waitForStatus(page, "use", ["stale"]);
    expect(await cell(page, "unrelated").getAttribute("data-status")).toBe("ok");
  });

  it("gets an unsaved edit back after the server was killed", async () => {
    const notebook = await project(sqlCell("draft", "SELECT 1 AS first_try"));
    // A service of its own process: this test kills it.
    const served = await serveNotebook(notebook);
    cleanups.push(() => served.stop());
    const first = { page: await openPage(served.url), served };
    // The journal call that carries the whole edit, not one sent mid-typing.
    const journaled = first.page.waitForResponse(
      (r) =>
        r.url().includes("/rpc/notebook.journal") &&
        (r.request().postData() ?? "").includes("kept by the journal"),
    );
    await typeInCell(first.page, "draft", " -- kept by the journal");
    await journaled;
    await first.served.stop("SIGKILL");
    expect(await readFile(notebook, "utf8")).not.toContain("kept by the journal");

    const second = await open(notebook);
    await second.page.getByRole("button", { name: "Restore unsaved edits" }).click();
    await expect(cell(second.page, "draft").innerText()).resolves.toContain("kept by the journal");
    await expect
      .poll(() => readFile(notebook, "utf8"), { timeout: 10_000 })
      .toContain("SELECT 1 AS first_try -- kept by the journal");
  });

  it("speaks Brazilian Portuguese to a pt-BR browser and passes axe in the dark theme", async () => {
    const { notebook } = await demoProject();
    // One service, two browsers: one in Portuguese, one in the dark theme.
    const pt = await open(notebook, { locale: "pt-BR" });
    await expect(
      pt.page.getByRole("button", { name: "Executar tudo", exact: true }).isVisible(),
    ).resolves.toBe(true);
    await expect(
      pt.page.getByRole("button", { name: "Adicionar célula", exact: true }).isVisible(),
    ).resolves.toBe(true);
    await screenshot(pt.page, "pt-BR");
    const dark = { page: await openPage(pt.served.url, { colorScheme: "dark" }) };
    await screenshot(dark.page, "dark");
    const axe = await new AxeBuilder({ page: dark.page as Page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
});
