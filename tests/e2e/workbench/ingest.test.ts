import { createHash } from "node:crypto";
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser";
import { demoProject } from "./demo-projects";
import { cell, screenshot, waitForStatus } from "./page-helpers";
import { serveHere } from "./serve-here";

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

/** The notebook served in this process; `open` then gives each look a page of its own on it. */
async function serve(notebook: string): Promise<string> {
  const served = await serveHere(notebook);
  cleanups.push(() => served.stop());
  return served.url;
}

async function open(url: string, colorScheme: "light" | "dark" = "light") {
  const context = await browser.newContext({
    locale: "en-US",
    colorScheme,
    viewport: { width: 1280, height: 860 },
  });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  await page.goto(url);
  await page.locator("[data-cell-id]").first().waitFor({ timeout: 30_000 });
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** The processing date the stage uses by default: today in UTC, as the key's YYYY/MM/DD. */
function todayPath(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getUTCFullYear()}/${pad(now.getUTCMonth() + 1)}/${pad(now.getUTCDate())}`;
}

async function runIngest(page: Page, id: string) {
  await page.getByRole("button", { name: `Run ${id}`, exact: true }).click();
  await waitForStatus(page, id, ["ok", "error"]);
  expect(await cell(page, id).getAttribute("data-status"), await cell(page, id).innerText()).toBe("ok");
  return cell(page, id).getByRole("group", { name: `What ${id} ingested` });
}

/** Opens every folded part of the output (preview, profile, boto3), so axe sees them too. */
async function unfold(page: Page, id: string) {
  const folded = cell(page, id).locator("details:not([open]) > summary");
  while ((await folded.count()) > 0) await folded.first().click();
}

describe("the ingest cell in Chromium", () => {
  it("runs ingest_movies: key, rows, SHA-256 and the boto3 script in the cell; axe passes light and dark", async () => {
    const { dir, notebook } = await demoProject();
    const url = await serve(notebook);
    const page = await open(url);
    const output = await runIngest(page, "ingest_movies");

    const key = `Raw/Local/CSV/Movies/${todayPath()}/movies.csv`;
    await expect(output.locator(".ingest-key").innerText()).resolves.toBe(key);
    await expect(output.locator(".ingest-path-explanation").innerText()).resolves.toContain(
      "Raw/Local/CSV/<Movies|Series>/YYYY/MM/DD/<file>",
    );
    await expect(output.locator(".ingest-rows").innerText()).resolves.toBe("9,575");
    const sha = createHash("sha256")
      .update(await readFile(path.join(dir, "data", "movies.csv")))
      .digest("hex");
    await expect(output.locator(".ingest-sha").innerText()).resolves.toBe(sha);
    await expect(
      output.getByRole("button", { name: "Copy the SHA-256 of data/movies.csv" }).isVisible(),
    ).resolves.toBe(true);

    await output.getByText("What this cell did, in Python with boto3").click();
    const script = output.locator(".ingest-boto3 pre code");
    await expect(script.isVisible()).resolves.toBe(true);
    const text = await script.innerText();
    expect(text).toContain("import boto3");
    expect(text).toContain(`key = "${key}"`);
    expect(text).toContain("s3.upload_file(");
    await expect(
      output.getByRole("button", { name: "Copy the boto3 script for data/movies.csv" }).isVisible(),
    ).resolves.toBe(true);

    await unfold(page, "ingest_movies");
    await expect(output.getByRole("table", { name: "Preview of data/movies.csv" }).isVisible()).resolves.toBe(
      true,
    );
    await expect(
      output.getByRole("table", { name: "Column profile of data/movies.csv" }).isVisible(),
    ).resolves.toBe(true);
    await cell(page, "ingest_movies").scrollIntoViewIfNeeded();
    await screenshot(page, "ingest-light");
    expect(await seriousViolations(page)).toEqual([]);

    // Dark, and run again: the same bytes are at the key, so nothing is sent and the cell says so.
    const dark = await open(url, "dark");
    const again = await runIngest(dark, "ingest_movies");
    await expect(again.getByText("Already ingested", { exact: true }).isVisible()).resolves.toBe(true);
    await expect(again.locator(".ingest-rows").innerText()).resolves.toBe("9,575");
    await unfold(dark, "ingest_movies");
    await screenshot(dark, "ingest-dark");
    expect(await seriousViolations(dark)).toEqual([]);
  });

  it("uploads a series CSV chosen with the file picker; the cell then reads data/<name> and ingests it", async () => {
    const { dir } = await demoProject();
    const notebook = path.join(dir, "upload.lakebook.md");
    await writeFile(
      notebook,
      "---\nlakebook: 1\ntitle: Upload\n---\n\n```ingest {#pick_me}\ndataset: movies\nfile: data/movies.csv\n```\n",
    );
    // The first 200 lines of the demo's series file: a real header and real rows.
    const series = (await readFile(path.join(dir, "data", "series.csv"), "utf8")).split("\n").slice(0, 200);
    const sample = Buffer.from(`${series.join("\n")}\n`);
    const page = await open(await serve(notebook));

    await expect(
      cell(page, "pick_me").getByRole("button", { name: "Choose CSV file", exact: true }).isVisible(),
    ).resolves.toBe(true);
    await cell(page, "pick_me")
      .locator('input[type="file"]')
      .setInputFiles({ name: "series-sample.csv", mimeType: "text/csv", buffer: sample });
    // The cell said movies, the header says series: the cell asks which before it changes.
    await page.getByRole("dialog").getByRole("button", { name: "Switch to Series", exact: true }).click();

    const source = cell(page, "pick_me").locator("pre.cell-code");
    await expect
      .poll(() => source.innerText(), { timeout: 15_000 })
      .toBe("dataset: series\nfile: data/series-sample.csv");
    expect(await readFile(path.join(dir, "data", "series-sample.csv"))).toEqual(sample);
    await expect
      .poll(() => readFile(notebook, "utf8"), { timeout: 10_000 })
      .toContain("dataset: series\nfile: data/series-sample.csv");

    const output = await runIngest(page, "pick_me");
    await expect(output.locator(".ingest-key").innerText()).resolves.toBe(
      `Raw/Local/CSV/Series/${todayPath()}/series-sample.csv`,
    );
    await expect(output.locator(".ingest-rows").innerText()).resolves.toBe("199");

    // Dropped on the cell, a different file of the same name: the cell asks before replacing it.
    const shorter = Buffer.from(`${series.slice(0, 50).join("\n")}\n`);
    const dataTransfer = await page.evaluateHandle(
      (bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], "series-sample.csv", { type: "text/csv" }));
        return transfer;
      },
      [...shorter],
    );
    // On the cell's output, not its settings: the whole cell takes the drop.
    const zone = cell(page, "pick_me").locator(".ingest-output");
    await zone.dispatchEvent("dragover", { dataTransfer });
    await zone.dispatchEvent("drop", { dataTransfer });
    await cell(page, "pick_me").getByText("Replace data/series-sample.csv?").waitFor();
    await screenshot(page, "ingest-replace");
    expect(await readFile(path.join(dir, "data", "series-sample.csv"))).toEqual(sample);
    await cell(page, "pick_me").getByRole("button", { name: "Replace", exact: true }).click();
    await expect
      .poll(() => readFile(path.join(dir, "data", "series-sample.csv")).then((b) => b.length), {
        timeout: 10_000,
      })
      .toBe(shorter.length);
    await expect((await stat(path.join(dir, "data"))).isDirectory()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
