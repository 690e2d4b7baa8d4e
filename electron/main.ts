/**
 * The desktop app's main process: wires Electron to the shell's small, tested parts. Anything with
 * a decision in it lives in those parts (policy/, menu/, window/, shell.ts, shell-commands.ts);
 * this file only connects them to the real app, window, dialogs and file manager.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  app,
  BrowserWindow,
  dialog,
  type IpcMainInvokeEvent,
  ipcMain,
  Menu,
  shell as osShell,
  protocol,
  safeStorage,
  screen,
  session,
} from "electron";
import { exportDashboardHtml, UserFileTmdbCredentials } from "../pipeline/service";
import { APP_SCHEME_PRIVILEGES, answerAppRequest } from "./app-protocol";
import { CHANNELS } from "./channels";
import { buildMenuModel, type ShellCommand } from "./menu/menu-model";
import { toMenuTemplate } from "./menu/menu-template";
import { type NativeActionsIpc, saveFilters, serveNativeActions } from "./native-actions";
import { openNotebookSession } from "./notebook-session";
import { notebookInArgv, OpenRequests } from "./open-requests";
import { APP_SCHEME, type IpcSender } from "./policy/web-policy";
import { rememberRecent } from "./recent-files";
import { serveSessionToWindow } from "./service-bridge";
import { Shell } from "./shell";
import { performShellCommand } from "./shell-commands";
import { shellLog } from "./shell-log";
import { SHELL_PAGE_PATH, SHELL_PAGE_SCRIPT, SHELL_SCRIPT_PATH, shellPageHtml } from "./shell-page";
import { type ShellState, ShellStore } from "./shell-store";
import { claimSingleInstance } from "./single-instance";
import { chooseTmdbCredentialStore } from "./tmdb-credential-choice";
import { TmdbKeychain } from "./tmdb-keychain";
import { hardenContents, hardenSession, secureWebPreferences } from "./window/harden";
import { MIN_SIZE, restoreWindowState } from "./window/window-state";

// Bundled to electron/dist/main.mjs, but `import.meta.url` stays this source file's own URL
// (build/build-desktop.ts), so the app's root is one folder up, in the repository and when packaged.
const APP_ROOT = fileURLToPath(new URL("../", import.meta.url));
const BUILT_UI = path.join(APP_ROOT, "renderer", "dist");
const PRELOAD = path.join(APP_ROOT, "electron", "dist", "preload.cjs");
const ICON = path.join(APP_ROOT, "assets", "icons", "icon-512.png");
const DEV = !app.isPackaged;

// Tests and second profiles: a fresh user-data folder per launch, set before anything reads it.
if (process.env.LAKEBOOK_USER_DATA) app.setPath("userData", path.resolve(process.env.LAKEBOOK_USER_DATA));
app.setName("Lakebook");
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const openRequests = new OpenRequests();
// macOS hands files over with open-file, often before `ready`: queue them.
app.on("open-file", (event, file) => {
  event.preventDefault();
  openRequests.request(file);
});

// A second launch hands its notebook to this one and quits (see single-instance.ts).
const primary = claimSingleInstance(app, (notebook) => {
  focusWindow();
  if (notebook) openRequests.request(notebook);
});
if (primary) {
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox("Lakebook could not start", String(error));
    app.exit(1);
  });
}

let mainWindow: BrowserWindow | undefined;

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const log = shellLog(app.getPath("logs"));
  log.write(`Lakebook ${app.getVersion()} starting (Electron ${process.versions.electron})`);
  const store = new ShellStore(app.getPath("userData"));
  let state: ShellState = await store.load();
  const saveState = () => void store.save(state).catch((error) => log.write(`state not saved: ${error}`));

  // The TMDB token sealed by the OS keychain (or, where there is none, the user-only file that
  // `lakebook serve` uses): saved and removed from Settings through the service, read by the TMDB
  // cell when no TMDB variable is set.
  const tmdbCredentials = chooseTmdbCredentialStore(
    safeStorage,
    () => new TmdbKeychain(safeStorage, app.getPath("userData")),
    () => new UserFileTmdbCredentials(),
  );

  hardenSession(session.defaultSession);
  app.on("web-contents-created", (_event, contents) => hardenContents(contents, openInBrowser));

  const restored = restoreWindowState(
    state.window,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...restored.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: "Lakebook",
    icon: ICON,
    webPreferences: secureWebPreferences(PRELOAD, DEV),
  });
  mainWindow = window;
  if (restored.maximized) window.maximize();
  window.once("ready-to-show", () => window.show());
  window.on("close", () => {
    state = { ...state, window: { bounds: window.getNormalBounds(), maximized: window.isMaximized() } };
    try {
      store.saveSync(state);
    } catch (error) {
      log.write(`window state not saved: ${String(error)}`);
    }
  });
  window.on("closed", () => {
    mainWindow = undefined;
  });

  const shell = new Shell({
    openSession: (notebook) => openNotebookSession(notebook, { tmdbCredentials }),
    serve: (opened) =>
      serveSessionToWindow(ipcMain, opened, {
        // Events can outlive the window by a moment (a run finishing while the app quits).
        send: (channel, payload) => {
          if (!window.isDestroyed()) window.webContents.send(channel, payload);
        },
      }),
    window: {
      load: (url) => window.loadURL(url),
      setTitle: (title) => window.setTitle(title),
      sendCommand: (command) => window.webContents.send(CHANNELS.command, command),
    },
    log: log.write,
    logFile: log.file,
    opened: (notebook) => {
      state = { ...state, recent: rememberRecent(state.recent, notebook, process.platform) };
      app.addRecentDocument(notebook);
      saveState();
      updateMenu();
    },
  });

  protocol.handle(APP_SCHEME, (request) =>
    answerAppRequest(request.url, BUILT_UI, () => {
      return new Map([
        [SHELL_PAGE_PATH, { body: shellPageHtml(shell.pageState), type: "text/html; charset=utf-8" }],
        [SHELL_SCRIPT_PATH, { body: SHELL_PAGE_SCRIPT, type: "text/javascript; charset=utf-8" }],
      ]);
    }),
  );

  const chooseNotebookToOpen = async () => {
    const chosen = await dialog.showOpenDialog(window, {
      title: "Open a notebook",
      properties: ["openFile"],
      filters: saveFilters("notebook"),
    });
    return chosen.canceled ? undefined : chosen.filePaths[0];
  };
  const chooseSavePath = async (
    title: string,
    defaultName: string,
    kind: "notebook" | "dashboard" | "csv",
  ) => {
    const chosen = await dialog.showSaveDialog(window, {
      title,
      defaultPath: defaultName,
      filters: saveFilters(kind),
    });
    return chosen.canceled ? undefined : chosen.filePath;
  };
  const perform = (command: ShellCommand) =>
    performShellCommand(command, {
      current: () => shell.current,
      open: (notebook) => shell.open(notebook),
      sendToPage: (id) => shell.sendCommand(id),
      chooseNotebookToOpen,
      chooseNewNotebookPath: () => chooseSavePath("New notebook", "notebook.lakebook.md", "notebook"),
      chooseDashboardPath: (name) => chooseSavePath("Export the dashboard", name, "dashboard"),
      writeFile: (file, text) => writeFile(file, text),
      exportDashboard: (opened) => exportDashboardHtml(opened.workspace),
      revealFolder: async (folder) => {
        const problem = await osShell.openPath(folder);
        if (problem) log.write(`reveal ${folder}: ${problem}`);
      },
      showLogs: async () => osShell.showItemInFolder(log.file),
      showAbout: () => app.showAboutPanel(),
      clearRecent: () => {
        state = { ...state, recent: [] };
        app.clearRecentDocuments();
        saveState();
        updateMenu();
      },
      showError: async (title, error) => {
        await dialog.showMessageBox(window, {
          type: "error",
          title,
          message: error.message,
          ...(error.hint ? { detail: error.hint } : {}),
        });
      },
    }).catch((error: unknown) => log.write(`menu command ${command.id} failed: ${String(error)}`));

  function updateMenu(): void {
    const model = buildMenuModel({
      platform: process.platform,
      appName: app.getName(),
      recent: state.recent,
      hasNotebook: shell.current !== undefined,
      devTools: DEV,
      locale: state.locale ?? "en",
    });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(toMenuTemplate(model, (command) => void perform(command))),
    );
  }

  serveNativeActions(nativeActionsIpc(), {
    openNotebook: async (notebook) => {
      const file = notebook ?? (await chooseNotebookToOpen());
      if (file) await shell.open(file);
      updateMenu();
    },
    newNotebook: () => perform({ to: "shell", id: "newNotebook" }),
    saveFile: async (request, bytes) => {
      const file = await chooseSavePath("Save", request.defaultName, request.kind);
      // The dialog has asked before replacing a file, so the write may overwrite.
      if (file) await writeFile(file, bytes);
      return file;
    },
    revealInFolder: async (file) => osShell.showItemInFolder(file),
    showLogs: async () => osShell.showItemInFolder(log.file),
    setLanguage: async (locale) => {
      if (state.locale === locale) return;
      state = { ...state, locale };
      saveState();
      updateMenu();
    },
  });

  app.setAboutPanelOptions({
    applicationName: "Lakebook",
    applicationVersion: app.getVersion(),
    copyright: "MIT License",
    iconPath: ICON,
  });
  updateMenu();

  const initial =
    notebookInArgv(process.argv, process.cwd()) ?? openRequests.takePending() ?? state.recent[0];
  // A notebook that no longer opens shows the failure page, whose buttons lead elsewhere.
  await shell.open(initial);
  updateMenu();
  openRequests.ready((notebook) => {
    focusWindow();
    void shell.open(notebook).then(updateMenu);
  });

  app.on("window-all-closed", () => app.quit());
  // The service closes its DuckDB engine and file watch before the process ends, not halfway.
  let closed = false;
  app.on("before-quit", (event) => {
    if (closed) return;
    event.preventDefault();
    void shell.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

/** http(s) links leave the app for the OS browser; the verdicts never pass anything else here. */
function openInBrowser(url: string): void {
  void osShell.openExternal(url);
}

/** `ipcMain` seen through the native actions' narrow interface: the sender is its frame's URL. */
function nativeActionsIpc(): NativeActionsIpc {
  return {
    handle: (channel, listener) =>
      ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) =>
        listener(senderOf(event), ...args),
      ),
    removeHandler: (channel) => ipcMain.removeHandler(channel),
  };
}

function senderOf(event: IpcMainInvokeEvent): IpcSender | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return { url: frame.url, isMainFrame: frame.parent === null };
}
