import type { Browser, Page } from "playwright-core";

export interface OfflinePage {
  page: Page;
  /** Every request the page attempted, the file itself included. */
  requests: string[];
  /** Console errors and warnings, uncaught exceptions and CSP violations. */
  problems: string[];
}

/**
 * Opens an HTML file with every request but the file itself aborted, and waits until the
 * dashboard says every chart has settled (`body[data-charts=ready]`).
 */
export async function openOffline(browser: Browser, file: string): Promise<OfflinePage> {
  const url = new URL(`file://${file}`).href;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  await page.route("**/*", (route) => {
    const requested = route.request().url();
    requests.push(requested);
    return requested === url ? route.continue() : route.abort("blockedbyclient");
  });
  await page.goto(url);
  await page.locator("body[data-charts=ready]").waitFor({ timeout: 30_000 });
  return { page, requests, problems };
}

/** Per chart container: whether Vega-Embed finished, and how many data marks (not axes or legends) it drew. */
export function chartStates(
  page: Page,
): Promise<{ id: string; rendered: boolean; svgs: number; marks: number }[]> {
  return page.$$eval(".chart", (charts) =>
    charts.map((chart) => ({
      id: chart.getAttribute("data-chart") ?? "",
      rendered: chart.getAttribute("data-rendered") === "true",
      svgs: chart.querySelectorAll("svg").length,
      marks: chart.querySelectorAll("svg g.role-mark > *").length,
    })),
  );
}
