import { readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser";
import { freshDemoProject, serveNotebook } from "../helpers/serve";

/**
 * The settings in the browser (`lakebook serve`): the TMDB token kept in a user-only file of the
 * user's config folder and never handed back, and the notebook's target edited in a form.
 */

// Shaped like a TMDB read access token, assembled at run time so the repository holds none.
const TOKEN = ["eyJhbGciOiJIUzI1NiJ9", "SETTINGSfieldTOKEN", "0123456789"].join(".");

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

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function openDemo() {
  const { dir, notebook } = await freshDemoProject();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const config = path.join(dir, "user-config", "lakebook");
  const served = await serveNotebook(notebook, {
    LAKEBOOK_CONFIG_DIR: config,
    // No AWS credentials anywhere, and no instance metadata to wait for: "Test connection" must say so.
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, "no-aws", "credentials"),
    AWS_CONFIG_FILE: path.join(dir, "no-aws", "config"),
    AWS_EC2_METADATA_DISABLED: "true",
  });
  cleanups.push(() => served.stop());
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1366, height: 860 } });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  // Every answer the service gives the page, to prove the token never comes back.
  const replies: string[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith("/rpc/")) {
      void response.text().then(
        (text) => replies.push(text),
        () => undefined,
      );
    }
  });
  await page.goto(served.url);
  await page.locator("[data-cell-id]").first().waitFor({ timeout: 30_000 });
  return { page, dir, notebook, config, replies };
}

describe("the settings in the browser", () => {
  it("keeps the TMDB token in a user-only file of the config folder, shows only set / not set", async () => {
    const { page, dir, config, replies } = await openDemo();
    await page.locator(".menu > summary").click();
    await page.locator(".tmdb-token > summary").click();
    const status = page.locator("[data-tmdb-token]");
    await expect.poll(() => status.textContent()).toBe("TMDB token: Not set");
    await page.getByLabel("Token", { exact: true }).fill(TOKEN);
    await page.getByRole("button", { name: "Save token" }).click();
    await expect.poll(() => status.textContent()).toBe("TMDB token: Set");
    expect(await page.getByLabel("Token", { exact: true }).inputValue()).toBe("");

    const file = path.join(config, "credentials");
    if (process.platform !== "win32") expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, "utf8")).toContain(TOKEN);
    // Nowhere else: not the notebook, .lakebook/, the lake or data/; not the page; no reply.
    const leaks = [];
    for (const other of await filesUnder(dir)) {
      if (other === file) continue;
      if ((await readFile(other)).toString("latin1").includes(TOKEN)) leaks.push(path.relative(dir, other));
    }
    expect(leaks).toEqual([]);
    expect(await page.content()).not.toContain(TOKEN);
    await page.reload();
    await page.locator("[data-cell-id]").first().waitFor({ timeout: 30_000 });
    await page.locator(".menu > summary").click();
    await page.locator(".tmdb-token > summary").click();
    await expect.poll(() => page.locator("[data-tmdb-token]").textContent()).toBe("TMDB token: Set");
    expect(replies.length).toBeGreaterThan(3);
    expect(replies.filter((reply) => reply.includes(TOKEN))).toEqual([]);

    await page.getByRole("button", { name: "Remove token" }).click();
    await expect.poll(() => page.locator("[data-tmdb-token]").textContent()).toBe("TMDB token: Not set");
    await expect(stat(file)).rejects.toThrow();
  }, 120_000);

  it("shows the target in the toolbar and edits it in a validated form that saves the YAML header", async () => {
    const { page, notebook } = await openDemo();
    const badge = page.locator(".target-badge");
    expect(await badge.textContent()).toBe("Target: Local lake");
    await badge.click();
    const kind = page.getByRole("combobox", { name: "Where the notebook runs" });
    await expect.poll(() => kind.evaluate((el) => el === document.activeElement)).toBe(true);
    await kind.selectOption("aws");
    await page.getByRole("textbox", { name: "S3 bucket" }).fill("Not_A_Bucket");
    await page.getByRole("textbox", { name: "Target region" }).fill("sa-east-1");
    await page.getByRole("button", { name: "Save target" }).click();
    expect(await page.locator(".target-form [role=alert]").textContent()).toMatch(/bucket name like/);
    await page.getByRole("textbox", { name: "S3 bucket" }).fill("horror-lake");
    await page.getByRole("button", { name: "Save target" }).click();
    await expect.poll(() => badge.textContent()).toBe("Target: AWS · horror-lake · sa-east-1");
    await expect
      .poll(() => readFile(notebook, "utf8"), { timeout: 15_000 })
      .toMatch(
        /^---\nlakebook: 1\ntitle: .*\ntarget:\n {2}kind: aws\n {2}bucket: horror-lake\n {2}region: sa-east-1\n/,
      );
    // Test connection asks the service; here no AWS credentials exist, and it says so plainly.
    await page.getByRole("button", { name: "Test connection" }).click();
    const problem = page.locator(".target-form [data-connection]");
    await problem.waitFor({ timeout: 60_000 });
    expect(await problem.getAttribute("data-connection")).toBe("AWS_CREDENTIALS");
    expect(await problem.textContent()).toMatch(/aws sso login|aws configure/);
  }, 120_000);
});
