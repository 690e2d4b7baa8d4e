/**
 * The desktop app's IPC path in real Chromium, without the Electron runtime (which cannot be
 * installed here): the built workbench is served with no token, so `resolveTransport` picks the IPC
 * transport; `page.exposeBinding` stands in for the preload's contextBridge; on the other end are the
 * REAL `electron/ipc-bridge.ts`, dispatcher and router of an in-process notebook session (what the
 * shell's main process runs), over a fake ipcMain/webContents pair in this test process.
 */
import { createReadStream } from "node:fs";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS } from "../../electron/channels";
import { exposeRouterOverIpc, type IpcInvokeEventLike, type IpcMainLike } from "../../electron/ipc-bridge";
import { type NotebookSession, openNotebookSession } from "../../electron/notebook-session";
import { APP_START_URL } from "../../electron/policy/web-policy";
import { type SafeStorageLike, TmdbKeychain } from "../../electron/tmdb-keychain";
import type { DesktopSaveRequest } from "../../pipeline/contract/desktop-api";
import { launchChromium } from "./helpers/browser";
import { demoProject } from "./workbench/demo-projects";
import { cell, waitForStatus } from "./workbench/page-helpers";

const BUILT_UI = fileURLToPath(new URL("../../renderer/dist/", import.meta.url));
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
};

/** renderer/dist as static files, and nothing else: no service, no token, no `/rpc`. */
function serveBuiltUi(): Promise<Server> {
  const server = createServer(async (request, response) => {
    const wanted = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const file = path.join(BUILT_UI, wanted === "/" ? "index.html" : wanted);
    const found = file.startsWith(BUILT_UI) ? await stat(file).catch(() => undefined) : undefined;
    if (!found?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

// Playwright's bindings carry JSON, so bytes cross as base64 both ways (Electron's structured
// clone would carry the Uint8Array itself); the bridge and the page see real Uint8Arrays.
type Wire = unknown;
function toWire(value: unknown): Wire {
  if (value instanceof Uint8Array) return { __bytes: Buffer.from(value).toString("base64") };
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
  }
  return value;
}
function fromWire(value: Wire): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.__bytes === "string") return new Uint8Array(Buffer.from(record.__bytes, "base64"));
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fromWire(v)]));
  }
  return value;
}

/**
 * The preload's `window.lakebook` in the page: the same shape and the same channel checks as
 * electron/preload.ts, with the two bindings below in place of ipcRenderer.
 */
function installPreloadStandIn(channels: typeof CHANNELS): void {
  type Bytes = { __bytes: string };
  const toWire = (value: unknown): unknown => {
    if (value instanceof Uint8Array) {
      let text = "";
      for (const byte of value) text += String.fromCharCode(byte);
      return { __bytes: btoa(text) };
    }
    if (Array.isArray(value)) return value.map(toWire);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
    }
    return value;
  };
  const fromWire = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fromWire);
    if (value && typeof value === "object") {
      const bytes = (value as Bytes).__bytes;
      if (typeof bytes === "string") return Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0));
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(v)]));
    }
    return value;
  };
  const win = window as unknown as Record<string, (...args: unknown[]) => Promise<unknown>> & {
    lakebook?: unknown;
    __lakebookDeliver?: (channel: string, payload: unknown) => void;
  };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const subscribe = (channel: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    set.add(listener);
    return () => void set.delete(listener);
  };
  win.__lakebookDeliver = (channel, payload) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  };
  const invoke = async (channel: string, ...args: unknown[]) =>
    fromWire(await win.__lakebookInvoke?.(channel, toWire(args)));
  win.lakebook = {
    desktop: 1,
    invoke: (channel: string, ...args: unknown[]) =>
      channel === channels.call || channel === channels.stream
        ? invoke(channel, ...args)
        : Promise.reject(new Error(`Not a service channel: ${channel}`)),
    on: (channel: string, listener: (payload: unknown) => void) => {
      if (channel !== channels.event) throw new Error(`Not the service's event channel: ${channel}`);
      return subscribe(channel, listener);
    },
    onCommand: (listener: (payload: unknown) => void) => subscribe(channels.command, listener),
    openNotebook: (file?: string) => invoke(channels.openNotebook, file),
    newNotebook: () => invoke(channels.newNotebook),
    saveFile: (request: unknown, bytes: Uint8Array) => invoke(channels.saveFile, request, bytes),
    revealInFolder: (file: string) => invoke(channels.revealInFolder, file),
    showLogs: () => invoke(channels.showLogs),
    setLanguage: (locale: string) => invoke(channels.setLanguage, locale),
  };
}

interface DesktopPage {
  page: Page;
  /** What the native Save dialog was asked to write (the stand-in always "chooses" a path). */
  saved: { request: DesktopSaveRequest; bytes: Uint8Array }[];
  /** The stream channel's steps the page sent (`download`, `read`, `upload`, `write`, `end`…). */
  streamSteps: string[];
  /** The shell's other native actions the page asked for: the UI's language, a notebook to open. */
  native: unknown[][];
  /** Sends a menu command to the page, as `webContents.send(CHANNELS.command, id)` does. */
  menu(id: string): Promise<void>;
}

/**
 * One window of the desktop app: the session's router served by the real bridge to a page whose
 * `window.lakebook` calls it through Playwright's binding.
 */
async function openDesktopWindow(context: BrowserContext, session: NotebookSession, url: string) {
  const page = await context.newPage();
  const origin = new URL(url).origin;
  // webContents.send → the page's listeners, in order.
  let delivery = Promise.resolve();
  const send = (channel: string, payload: unknown) => {
    delivery = delivery
      .then(() =>
        page.evaluate(
          ([c, p]) =>
            (window as never as { __lakebookDeliver(c: string, p: unknown): void }).__lakebookDeliver(c, p),
          [channel, toWire(payload)] as const,
        ),
      )
      .then(
        () => undefined,
        () => undefined,
      );
  };
  const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const stop = exposeRouterOverIpc(ipcMain, session.router, { send });
  const saved: DesktopPage["saved"] = [];
  const streamSteps: string[] = [];
  const native: unknown[][] = [];
  // What Electron would read off the invoke event: the sender frame. This test's origin plays
  // `lakebook://app`; any other page, or a frame inside it, is reported as what it is.
  const senderFrame = (frame: Frame) => {
    const pageUrl = frame.url();
    const url = pageUrl.startsWith(`${origin}/`)
      ? `${APP_START_URL.replace(/\/index\.html$/, "")}${pageUrl.slice(origin.length)}`
      : pageUrl;
    return { url, parent: frame.parentFrame() };
  };
  await page.exposeBinding("__lakebookInvoke", async (source, channel: string, wireArgs: Wire) => {
    const args = fromWire(wireArgs) as unknown[];
    if (channel === CHANNELS.saveFile) {
      saved.push({ request: args[0] as DesktopSaveRequest, bytes: args[1] as Uint8Array });
      return "/chosen/in/the/dialog";
    }
    if (channel === CHANNELS.setLanguage || channel === CHANNELS.openNotebook) {
      native.push([channel, ...args]);
      return undefined;
    }
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler for ${channel}`);
    if (channel === CHANNELS.stream) streamSteps.push((args[0] as { op: string }).op);
    return toWire(await handler({ senderFrame: senderFrame(source.frame) }, ...args));
  });
  await page.addInitScript(installPreloadStandIn, CHANNELS);
  await page.goto(url);
  await page.locator("[data-cell-id]").first().waitFor({ timeout: 30_000 });
  const desktop: DesktopPage = {
    page,
    saved,
    streamSteps,
    native,
    menu: async (id) => {
      send(CHANNELS.command, id);
      await delivery;
    },
  };
  return { desktop, stop };
}

let browser: Browser;
let server: Server;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveBuiltUi();
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

describe("the desktop app's IPC path in Chromium", () => {
  it("runs the demo notebook from the Run menu, exports a CSV and uploads a data file over IPC", async () => {
    const { dir, notebook } = await demoProject();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const opened = await openNotebookSession(notebook);
    if (!opened.ok) throw new Error(`The session did not start: ${opened.error.message}`);
    cleanups.push(() => opened.session.close());
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 860 } });
    cleanups.push(() => context.close());
    const { port } = server.address() as AddressInfo;
    // No `?token=`: the page has only window.lakebook to reach the service by.
    const { desktop, stop } = await openDesktopWindow(context, opened.session, `http://127.0.0.1:${port}/`);
    cleanups.push(async () => stop());
    const { page } = desktop;
    // The HTTP transport's ways in: none may be asked for.
    const httpTransportUse: string[] = [];
    page.on("websocket", (socket) => httpTransportUse.push(socket.url()));
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (/^\/(rpc|events|results|data|dashboard)\b/.test(pathname)) httpTransportUse.push(request.url());
    });

    // Run all, from the desktop menu (the main process sends the page command "runAll").
    const cells = await page
      .locator("[data-cell-id]")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-cell-id") ?? ""));
    expect(cells).toContain("ingest_movies");
    await desktop.menu("runAll");
    for (const id of cells) expect(await waitForStatus(page, id, ["ok", "error"]), id).toBe("ok");

    // Export CSV of a SQL result: downloaded chunk by chunk on the stream channel, then handed to
    // the native Save dialog (the desktop API's saveFile), not to the browser's downloads.
    await cell(page, "horror_by_decade").getByRole("button", { name: "Export CSV", exact: true }).click();
    await expect.poll(() => desktop.saved.length, { timeout: 15_000 }).toBe(1);
    const [csv] = desktop.saved;
    expect(csv?.request.kind).toBe("csv");
    expect(csv?.request.defaultName).toMatch(/\.csv$/);
    expect(desktop.streamSteps[0]).toBe("download");
    expect(desktop.streamSteps.filter((op) => op === "read").length).toBeGreaterThanOrEqual(2);
    desktop.streamSteps.length = 0;
    const text = new TextDecoder().decode(csv?.bytes);
    expect(text.split("\r\n")[0]).toMatch(/decade/i);
    expect(text.split("\r\n").length).toBeGreaterThan(2);

    // Upload a data file bigger than one IPC chunk (256 KiB): several `write` steps, then `end`.
    const movies = (await readFile(path.join(dir, "data", "movies.csv"), "utf8")).split("\n");
    const sample = Buffer.from(`${movies.slice(0, 4000).join("\n")}\n`);
    expect(sample.byteLength).toBeGreaterThan(256 * 1024);
    await cell(page, "ingest_movies")
      .locator('input[type="file"]')
      .setInputFiles({ name: "movies-sample.csv", mimeType: "text/csv", buffer: sample });
    await expect
      .poll(() => readFile(path.join(dir, "data", "movies-sample.csv")).catch(() => undefined), {
        timeout: 15_000,
      })
      .toEqual(sample);
    await expect
      .poll(() => cell(page, "ingest_movies").locator("pre.cell-code").innerText(), { timeout: 15_000 })
      .toContain("file: data/movies-sample.csv");
    expect(desktop.streamSteps[0]).toBe("upload");
    expect(desktop.streamSteps.filter((op) => op === "write").length).toBeGreaterThanOrEqual(2);
    expect(desktop.streamSteps.at(-1)).toBe("end");
    // No half-written copy left behind in data/.
    expect((await readdir(path.join(dir, "data"))).filter((name) => name.startsWith("."))).toEqual([]);

    // Everything went over IPC: the page asked its server for nothing but the built files.
    expect(httpTransportUse).toEqual([]);
  }, 300_000);

  it("keeps the TMDB token in the keychain, runs Save As and the course path from the menus, and tells the shell its language", async () => {
    const { dir, notebook } = await demoProject();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    // Electron's safeStorage, played by a reversible scramble: what matters is that the shell's
    // keychain store is the one the service saves into.
    const safeStorage: SafeStorageLike = {
      isEncryptionAvailable: () => true,
      encryptString: (plain) => Buffer.from(Buffer.from(plain).map((byte) => byte ^ 0x5a)),
      decryptString: (sealed) => Buffer.from(sealed.map((byte) => byte ^ 0x5a)).toString(),
    };
    const userData = path.join(dir, "user-data");
    const opened = await openNotebookSession(notebook, {
      tmdbCredentials: new TmdbKeychain(safeStorage, userData),
    });
    if (!opened.ok) throw new Error(`The session did not start: ${opened.error.message}`);
    cleanups.push(() => opened.session.close());
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1366, height: 860 } });
    cleanups.push(() => context.close());
    const { port } = server.address() as AddressInfo;
    const { desktop, stop } = await openDesktopWindow(context, opened.session, `http://127.0.0.1:${port}/`);
    cleanups.push(async () => stop());
    const { page } = desktop;
    const token = ["eyJhbGciOiJIUzI1NiJ9", "DESKTOPkeychainTOKEN", "0123456789"].join(".");

    // The page said its language at once; switching it re-tells the shell.
    await expect.poll(() => desktop.native).toContainEqual([CHANNELS.setLanguage, "en"]);

    // Help → The Course Path opens the checklist.
    await desktop.menu("showCoursePath");
    await page.locator("details.course-panel[open]").waitFor({ timeout: 10_000 });

    // The TMDB token, saved through the service into the keychain: sealed, never in the clear.
    await page.locator(".menu > summary").click();
    await page.locator(".tmdb-token > summary").click();
    await page.getByLabel("Token", { exact: true }).fill(token);
    await page.getByRole("button", { name: "Save token" }).click();
    await expect.poll(() => page.locator("[data-tmdb-token]").textContent()).toBe("TMDB token: Set");
    expect(await page.locator(".tmdb-token").innerText()).toContain("keychain");
    const sealed = await readFile(path.join(userData, "tmdb-credential.bin"));
    expect(sealed.toString("latin1")).not.toContain(token);
    expect(await new TmdbKeychain(safeStorage, userData).load()).toEqual({
      kind: "readAccessToken",
      value: token,
    });
    expect(await page.content()).not.toContain(token);

    // File → Save As: the canonical notebook, handed to the native Save dialog.
    await desktop.menu("saveAs");
    await expect.poll(() => desktop.saved.length, { timeout: 15_000 }).toBe(1);
    const [copy] = desktop.saved;
    expect(copy?.request).toEqual({ kind: "notebook", defaultName: "horror-subgenres copy.lakebook.md" });
    expect(new TextDecoder().decode(copy?.bytes)).toBe(await readFile(notebook, "utf8"));
    // The dialog's path has no .lakebook.md: saved as typed, not opened as a notebook.
    expect(desktop.native.filter(([channel]) => channel === CHANNELS.openNotebook)).toEqual([]);

    // A new target is saved in the notebook; the desktop reopens the notebook on it when asked.
    await page.locator(".menu > summary").click();
    await page.locator(".target-badge").click();
    await page.getByRole("combobox", { name: "Where the notebook runs" }).selectOption("aws");
    await page.getByRole("textbox", { name: "S3 bucket" }).fill("horror-lake");
    await page.getByRole("textbox", { name: "Target region" }).fill("eu-west-1");
    await page.getByRole("button", { name: "Save target" }).click();
    await page.getByRole("button", { name: "Reopen the notebook now" }).click();
    await expect
      .poll(() => desktop.native.filter(([channel]) => channel === CHANNELS.openNotebook))
      .toEqual([[CHANNELS.openNotebook, notebook]]);
    // Saved before the reopen: the file the shell opens has the new target.
    expect(await readFile(notebook, "utf8")).toContain("target:\n  kind: aws\n  bucket: horror-lake\n");

    // The language, chosen in Settings, reaches the shell for the menus.
    await page.getByRole("combobox", { name: "Language" }).selectOption("pt-BR");
    await expect.poll(() => desktop.native.at(-1)).toEqual([CHANNELS.setLanguage, "pt-BR"]);
  }, 300_000);
});
