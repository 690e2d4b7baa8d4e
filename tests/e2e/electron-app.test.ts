import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { _electron, type ElectronApplication } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildDesktop } from "../../electron/build/build-desktop";
import { findElectronRuntime } from "../../electron/launch/electron-runtime";
import type { DesktopApi } from "../../pipeline/contract/desktop-api";

/**
 * The desktop app end to end: the real main process, preload and window, each launch with a fresh
 * user-data folder, HOME and lake. Runs where the Electron runtime is installed
 * (`npm run desktop:runtime`); elsewhere it is skipped and says why.
 */
const runtime = findElectronRuntime();
const root = fileURLToPath(new URL("../../", import.meta.url));
const fixture = path.join(root, "tests", "fixtures", "notebooks", "horror-subgenres.lakebook.md");
if (!runtime.found) {
  console.warn(
    `The desktop e2e tests are skipped: no Electron runtime here (${runtime.reason}). npm run desktop:runtime installs one.`,
  );
}

let dirs: string[] = [];
let app: ElectronApplication | undefined;

async function launch(notebook: string | undefined) {
  if (!runtime.found) throw new Error("unreachable");
  const dir = await mkdtemp(path.join(tmpdir(), "lakebook-desktop-"));
  dirs.push(dir);
  const userData = path.join(dir, "user-data");
  // Chromium refuses to run as root with its sandbox on; the renderer's own `sandbox: true` stays.
  const rootFlags = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
  app = await _electron.launch({
    executablePath: runtime.executable,
    args: [...rootFlags, root, ...(notebook ? [notebook] : [])],
    env: { ...process.env, LAKEBOOK_USER_DATA: userData, HOME: path.join(dir, "home") } as Record<
      string,
      string
    >,
  });
  return { app, page: await app.firstWindow(), dir, userData };
}

async function freshNotebook(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "lakebook-desktop-notebook-"));
  dirs.push(dir);
  const notebook = path.join(dir, "horror-subgenres.lakebook.md");
  await copyFile(fixture, notebook);
  return notebook;
}

beforeAll(async () => {
  if (runtime.found) await buildDesktop();
}, 120_000);

afterEach(async () => {
  await app?.close().catch(() => undefined);
  app = undefined;
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  dirs = [];
});

describe.skipIf(!runtime.found)("the desktop app (Electron)", () => {
  it("opens the notebook in a sandboxed window on the app's own origin, served over IPC", async () => {
    const notebook = await freshNotebook();
    const { app, page } = await launch(notebook);
    await page.waitForURL("lakebook://app/index.html");
    expect(await page.title()).toBeTruthy();
    const inPage = await page.evaluate(async () => {
      const desktop = (window as unknown as { lakebook: DesktopApi }).lakebook;
      return {
        keys: Object.keys(desktop).sort(),
        node: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        info: await desktop.invoke("lakebook:call", "service.info", {}),
      };
    });
    expect(inPage.node).toBe("undefined");
    expect(inPage.process).toBe("undefined");
    expect(inPage.keys).toEqual(expect.arrayContaining(["invoke", "on", "onCommand", "saveFile"]));
    expect(inPage.info).toMatchObject({ ok: true, result: { notebookPath: notebook } });
    // The preferences themselves are checked in tests/unit/electron/window/harden.test.ts.
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it("never leaves the app: navigation and new windows are refused", async () => {
    const { app, page } = await launch(await freshNotebook());
    await page.waitForURL("lakebook://app/index.html");
    await page.evaluate(() => {
      window.location.href = "file:///etc/passwd";
    });
    const opened = await page.evaluate(() => window.open("lakebook://app/index.html") === null);
    await page.waitForTimeout(500);
    expect(page.url()).toBe("lakebook://app/index.html");
    expect(opened).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it("shows the failure page, with the error and a way back, when the notebook cannot be opened", async () => {
    const { page, dir } = await launch(
      path.join(await mkdtemp(path.join(tmpdir(), "lakebook-gone-")), "gone.lakebook.md"),
    );
    dirs.push(dir);
    await page.waitForURL("lakebook://app/shell/page.html");
    await expect(page.getByRole("heading").textContent()).resolves.toMatch(/could not be opened/);
    expect(
      await page.locator("button[data-action]").evaluateAll((buttons) => buttons.map((b) => b.textContent)),
    ).toEqual(["Try again", "Open another notebook…", "New notebook…", "Show logs"]);
  });

  it("remembers the window and the recent notebook in a fresh user-data folder", async () => {
    const notebook = await freshNotebook();
    const { app, page, userData } = await launch(notebook);
    await page.waitForURL("lakebook://app/index.html");
    await app.close();
    const state = JSON.parse(await readFile(path.join(userData, "shell-state.json"), "utf8"));
    expect(state.recent).toEqual([notebook]);
    expect(state.window.bounds.width).toBeGreaterThan(0);
  });
});
