import { execFile } from "node:child_process";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_CONTENT_SECURITY_POLICY } from "../../../electron/app-protocol";
import { buildDesktop } from "../../../electron/build/build-desktop";
import { CHANNELS } from "../../../electron/channels";

/**
 * The bundled main process started in plain Node with a stand-in for `electron`
 * (`fake-electron/`): checks the wiring of main.ts — the real service in-process, the window's
 * preferences, the protocol and the IPC channels — where the Electron runtime cannot run.
 */
const root = fileURLToPath(new URL("../../../", import.meta.url));
const starter = fileURLToPath(new URL("./fake-electron/start-main.mjs", import.meta.url));
let dir: string;
let main: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-main-"));
  main = (await buildDesktop()).main;
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function startMain(notebook: string) {
  const { stdout } = await promisify(execFile)(process.execPath, [starter, main, root, notebook], {
    env: { ...process.env, FAKE_ELECTRON_HOME: path.join(dir, "electron-home") },
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
}

describe("the main process, wired to a stand-in Electron", () => {
  it("starts the notebook's service in-process and answers only the app's page", async () => {
    const notebook = path.join(dir, "horror.lakebook.md");
    await copyFile(path.join(root, "tests/fixtures/notebooks/horror-subgenres.lakebook.md"), notebook);
    const report = await startMain(notebook);
    expect(report.loaded).toEqual(["lakebook://app/index.html"]);
    expect(report.title).toBe("horror.lakebook.md — Lakebook");
    expect(report.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(report.webPreferences.preload).toBe(path.join(root, "electron", "dist", "preload.cjs"));
    expect(report.schemes).toEqual([
      { scheme: "lakebook", privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(report.channels).toEqual(
      [
        CHANNELS.call,
        CHANNELS.stream,
        CHANNELS.openNotebook,
        CHANNELS.newNotebook,
        CHANNELS.saveFile,
        CHANNELS.revealInFolder,
        CHANNELS.showLogs,
        CHANNELS.setLanguage,
      ].sort(),
    );
    expect(report.menu).toEqual(["File", "Edit", "Run", "View", "Help"]);
    expect(report.menuInPortuguese).toEqual(["Arquivo", "Editar", "Executar", "Exibir", "Ajuda"]);
    expect(report.fromApp).toMatchObject({ ok: true, result: { notebookPath: notebook, target: "local" } });
    expect(report.fromElsewhere).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });

  it("shows the failure page, under the CSP, when the notebook cannot be opened", async () => {
    const report = await startMain(path.join(dir, "gone.lakebook.md"));
    expect(report.loaded).toEqual(["lakebook://app/shell/page.html"]);
    expect(report.fromApp).toBeUndefined();
    expect(report.shellPage.status).toBe(200);
    expect(report.shellPage.csp).toBe(APP_CONTENT_SECURITY_POLICY);
    expect(report.shellPage.text).toContain("NOTEBOOK_NOT_FOUND");
    expect(report.shellPage.text).toContain("Open another notebook…");
  });
});
