import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { type ServedNotebook, serveNotebook } from "../helpers/serve";
import { demoProject } from "./demo-projects";
import { type ServedHere, serveHere } from "./serve-here";

/**
 * One browser session over a served notebook: everything it opened is closed by `cleanup()`.
 * Each test starts from a fresh demo project (a fresh lake): a copy of the one this test file made.
 */
export class Session {
  private readonly cleanups: (() => Promise<void>)[] = [];

  constructor(private readonly browser: Browser) {}

  /** A fresh project holding only `cells` (a notebook body), or the demo when left out. */
  async project(cells?: string): Promise<string> {
    const { dir, notebook } = await demoProject();
    this.cleanups.push(() => rm(dir, { recursive: true, force: true }));
    if (cells === undefined) return notebook;
    const file = path.join(dir, "test.lakebook.md");
    await writeFile(file, `---\nlakebook: 1\ntitle: Test notebook\n---\n\n${cells}`);
    return file;
  }

  /** `lakebook serve` in a process of its own: for a test that kills it or gives it its own environment. */
  async serve(notebook: string): Promise<ServedNotebook> {
    const served = await serveNotebook(notebook);
    this.cleanups.push(() => served.stop());
    return served;
  }

  /** The same service started in this process: seconds faster to start (serve-here.ts). */
  async serveHere(notebook: string): Promise<ServedHere> {
    const served = await serveHere(notebook);
    this.cleanups.push(() => served.stop());
    return served;
  }

  async open(
    url: string,
    options: {
      locale?: string;
      colorScheme?: "light" | "dark";
      viewport?: { width: number; height: number };
    } = {},
  ): Promise<Page> {
    const context = await this.browser.newContext({
      locale: options.locale ?? "en-US",
      colorScheme: options.colorScheme ?? "light",
      viewport: options.viewport ?? { width: 1280, height: 860 },
      acceptDownloads: true,
    });
    this.cleanups.push(() => context.close());
    const page = await context.newPage();
    await page.goto(url);
    await page.locator("[data-cell-id]").first().waitFor({ timeout: 30_000 });
    return page;
  }

  async cleanup(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) await cleanup();
  }
}

export const sqlCell = (id: string, sql: string) => `\`\`\`sql {#${id}}\n${sql}\n\`\`\`\n`;
