// The workbench in Chromium, measured against issue 3's performance section. Reported, never asserted:
// timings on a shared machine vary too much to gate on, and the baselines beside them give the scale.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { type Cell, writeNotebook } from "../../pipeline/document";
import { serveNotebook } from "../e2e/helpers/serve";
import { round } from "./measure";
import type { Scenario } from "./scenarios";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUILT_UI = path.join(ROOT, "renderer/dist/index.html");

/**
 * `lakebook serve` falls back to a plain status page without renderer/dist, and an old build would
 * bench old code: build when the UI is missing or older than any source it is built from.
 * Called once by run.ts, before the scenarios' processes start.
 */
export function ensureBuiltUi(): void {
  const built = existsSync(BUILT_UI) ? statSync(BUILT_UI).mtimeMs : 0;
  const sources = ["renderer", "pipeline"].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => /\.(tsx?|css|html)$/.test(file) && !file.startsWith("dist"))
      .map((file) => path.join(ROOT, dir, file)),
  );
  if (built > 0 && sources.every((file) => statSync(file).mtimeMs <= built)) return;
  process.stderr.write("bench: renderer/dist is missing or stale, building the UI (npm run build:ui) …\n");
  const build = spawnSync("npx", ["vite", "build", "--config", "renderer/vite.config.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  // The Node scenarios need no UI: a failed build only costs the browser ones (or their freshness).
  if (build.status !== 0)
    process.stderr.write(
      built > 0
        ? "bench: building the UI failed; the browser scenarios measure the previous build\n"
        : "bench: building the UI failed; the browser scenarios need `npm run build:ui`\n",
    );
}

/** A notebook of `count` cells, every third one Markdown, the others cheap SQL on the local engine. */
function generatedCells(count: number): Cell[] {
  return Array.from({ length: count }, (_, i) =>
    i % 3 === 0
      ? { id: `md${i}`, kind: "markdown", attrs: [], source: `## Part ${i}\n\nSome *prose* about step ${i}.` }
      : {
          id: `q${i}`,
          kind: "sql",
          attrs: [],
          source: `SELECT ${i} AS n, 'cell ${i}' AS label\nFROM range(${i})`,
        },
  );
}

/**
 * A fresh folder, notebook, `lakebook serve` and browser context for one measurement: edits made
 * while measuring (a cell inserted, text typed) are autosaved and journaled, so nothing is reused.
 */
async function withWorkbench<T>(
  browser: Browser,
  cells: Cell[],
  work: (page: Page) => Promise<T>,
): Promise<T> {
  if (!existsSync(BUILT_UI)) throw new Error("the built UI is missing: run `npm run build:ui` first");
  const dir = await mkdtemp(path.join(tmpdir(), "lakebook-bench-ui-"));
  const notebook = path.join(dir, "bench.lakebook.md");
  await writeFile(notebook, writeNotebook({ meta: { lakebook: 1, title: "Bench" }, cells }));
  const served = await serveNotebook(notebook);
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 860 } });
  // tsx compiles with keepNames: functions declared inside page.evaluate() callbacks come wrapped in
  // an __name() helper that exists in Node only, so give the page a do-nothing one.
  await context.addInitScript("globalThis.__name = (fn) => fn");
  try {
    const page = await context.newPage();
    await page.goto(served.url, { waitUntil: "commit" });
    return await work(page);
  } finally {
    await context.close();
    await served.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  // Loaded here, not on import: every scenario process loads this file, and Playwright in memory
  // would raise the Node scenarios' absolute RSS figures.
  const { launchChromium } = await import("../e2e/helpers/browser");
  const browser = await launchChromium();
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * Navigation start → interactive: every cell drawn, "Run all" enabled, and a key press handled
 * (B in command mode inserts a cell). Times are the page's own performance.now(), whose zero is the
 * navigation start.
 */
async function openToInteractive(page: Page, count: number): Promise<{ ms: number; drawnMs: number }> {
  const drawn = await page.waitForFunction(
    (n) => {
      const runAll = document.querySelector<HTMLButtonElement>('.toolbar button[aria-label="Run all"]');
      const ready = document.querySelectorAll("[data-cell-id]").length === n && runAll && !runAll.disabled;
      return ready && performance.now();
    },
    count,
    { polling: "raf", timeout: 60_000 },
  );
  // The keyboard listener is attached in an effect, which runs ~100 ms after the cells are painted;
  // a key pressed before that is lost, so press until one lands. The page notes when the first
  // inserted cell reaches the DOM, so a press sent while that one was still rendering changes nothing.
  await page.evaluate((n) => {
    new MutationObserver((_, observer) => {
      if (document.querySelectorAll("[data-cell-id]").length <= n) return;
      (window as { insertedAt?: number }).insertedAt = performance.now();
      observer.disconnect();
    }).observe(document.body, { childList: true, subtree: true });
  }, count);
  for (let presses = 0; presses < 200; presses++) {
    await page.keyboard.press("b");
    const inserted = await page
      .waitForFunction(() => (window as { insertedAt?: number }).insertedAt ?? false, null, {
        polling: "raf",
        timeout: 50,
      })
      .catch(() => null);
    if (inserted)
      return { ms: (await inserted.jsonValue()) as number, drawnMs: (await drawn.jsonValue()) as number };
  }
  throw new Error("B in command mode never inserted a cell");
}

const LOADS = 5;
function openScenario(count: number): Scenario {
  return () =>
    withBrowser(async (browser) => {
      const loads = [];
      for (let i = 0; i < LOADS; i++)
        loads.push(
          await withWorkbench(browser, generatedCells(count), (page) => openToInteractive(page, count)),
        );
      return {
        ms: Math.round(median(loads.map((l) => l.ms))),
        budgetMs: 1000,
        loadsMs: loads.map((l) => Math.round(l.ms)).join(" "),
        cellsDrawnMs: Math.round(median(loads.map((l) => l.drawnMs))),
      };
    });
}

/**
 * Typing 20 characters into one SQL cell of 200, counting DOM mutations inside every other cell.
 * The renderer's render probe (render-probe.ts) is a module variable only unit tests can set, so the
 * page cannot count React renders; a re-render that changes nothing in the DOM goes unseen here
 * (tests/unit/renderer/notebook/render-count.test.ts counts the renders themselves).
 */
const typingScenario: Scenario = () =>
  withBrowser((browser) =>
    withWorkbench(browser, generatedCells(200), async (page) => {
      const target = "q4";
      await page.locator("[data-cell-id]").nth(199).waitFor({ timeout: 60_000 });
      await page.locator(`[data-cell-id="${target}"] pre.cell-code`).click();
      const editor = page.locator(`[data-cell-id="${target}"] .monaco-editor textarea`);
      await editor.waitFor({ timeout: 30_000 });
      await editor.focus();
      await page.keyboard.press("Control+End");
      await page.waitForTimeout(1500); // entering edit mode (selection, Monaco, autosave) settles first
      await page.evaluate(() => {
        const seen: Record<string, number> = {};
        const cellOf = (node: Node) =>
          (node instanceof Element ? node : node.parentElement)
            ?.closest("[data-cell-id]")
            ?.getAttribute("data-cell-id");
        new MutationObserver((records) => {
          for (const record of records) {
            // A change inside a cell, or a whole cell added or removed (re-mounted) in the list.
            const nodes = [record.target, ...record.addedNodes, ...record.removedNodes];
            for (const id of new Set(nodes.map(cellOf))) if (id) seen[id] = (seen[id] ?? 0) + 1;
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        (window as unknown as { mutations: typeof seen }).mutations = seen;
      });
      const started = Date.now();
      const text = "-- twenty characters";
      await page.keyboard.type(text);
      const typingMs = Date.now() - started;
      await page.waitForTimeout(1500); // autosave, journal and dependency refresh happen after typing
      const seen = await page.evaluate(
        () => (window as unknown as { mutations: Record<string, number> }).mutations,
      );
      const source = await page
        .locator(`[data-cell-id="${target}"] .view-lines`)
        .innerText()
        .catch(() => "");
      const others = Object.entries(seen).filter(([id]) => id !== target);
      return {
        otherCellsMutated: others.length,
        otherCellMutations: others.reduce((sum, [, n]) => sum + n, 0),
        typedCellMutations: seen[target] ?? 0,
        typingMs,
        typed: source.replaceAll("\u00a0", " ").includes(text) ? "yes" : "NO",
        ...(others.length ? { mutatedCells: others.map(([id]) => id).join(" ") } : {}),
      };
    }),
  );

/**
 * Runs `sql` in a one-cell notebook, then scrolls its result table from the page itself for ~3 s
 * (120 steps of 25 ms: wheel-sized steps, a jump to the middle, then to the end) while a
 * requestAnimationFrame loop records every frame's duration.
 */
function scrollScenario(rows: number): Scenario {
  const sql = `SELECT range AS n, md5(range::VARCHAR) AS h FROM range(${rows})`;
  return () =>
    withBrowser((browser) =>
      withWorkbench(browser, [{ id: "result", kind: "sql", attrs: [], source: sql }], async (page) => {
        await page.getByRole("button", { name: "Run result", exact: true }).click();
        const table = page.locator('[data-cell-id="result"][data-status="ok"] [role="table"]');
        await table.waitFor({ timeout: 120_000 });
        await page.waitForTimeout(500); // first page drawn; the page is idle before the clock starts
        const frames = await table.evaluate(
          (scroller) =>
            new Promise<number[]>((resolve) => {
              // performance.now() in the callback, not rAF's timestamp: Chromium stamps the frame
              // after a long task with its scheduled start, which hides most of the stall.
              const times: number[] = [];
              let last = performance.now();
              let scrolling = true;
              const frame = () => {
                const now = performance.now();
                times.push(now - last);
                last = now;
                if (scrolling) requestAnimationFrame(frame);
              };
              requestAnimationFrame(() => {
                last = performance.now();
                requestAnimationFrame(frame);
              });
              const max = () => scroller.scrollHeight - scroller.clientHeight;
              let step = 0;
              const timer = setInterval(() => {
                step += 1;
                // Down by wheel-sized steps, jump to the middle, jump to the end, then back up.
                if (step === 40) scroller.scrollTop = max() / 2;
                else if (step === 80) scroller.scrollTop = max();
                else scroller.scrollTop += step > 80 ? -120 : 120;
                if (step < 120) return;
                clearInterval(timer);
                // A few more frames, so fetching and drawing the last pages is timed too.
                setTimeout(() => {
                  scrolling = false;
                  resolve(times);
                }, 300);
              }, 25);
            }),
        );
        // Where the view ended (40 steps back up from the last row) and how much of it had arrived.
        const drawn = await table.locator('.table-body [role="row"]').evaluateAll((els) => ({
          rows: els.length,
          first: Math.min(...els.map((el) => Number(el.getAttribute("aria-rowindex")) - 1)),
          loading: els.filter((el) => el.getAttribute("aria-busy") === "true").length,
        }));
        const sorted = frames.sort((a, b) => a - b);
        return {
          frames: sorted.length,
          p50FrameMs: round(percentile(sorted, 0.5)),
          p95FrameMs: round(percentile(sorted, 0.95)),
          maxFrameMs: round(sorted.at(-1) ?? 0),
          framesOver50ms: sorted.filter((ms) => ms > 50).length,
          rowsInDom: drawn.rows,
          firstRowInDom: drawn.first,
          rowsStillLoading: drawn.loading,
        };
      }),
    );
}

export const uiScenarios: Record<string, Scenario> = {
  "ui, 200 cells open to interactive": openScenario(200),
  "ui, 20 cells open to interactive (baseline)": openScenario(20),
  "ui, typing 20 chars in 1 of 200 cells": typingScenario,
  "ui, scroll 1M-row table": scrollScenario(1_000_000),
  "ui, scroll 1,000-row table (baseline)": scrollScenario(1_000),
};
