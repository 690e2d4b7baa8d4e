import path from "node:path";
import { type DesktopSaveRequest, MAX_DESKTOP_SAVE_BYTES } from "../pipeline/contract/desktop-api";
import { CHANNELS } from "./channels";
import { isMenuLocale, type MenuLocale } from "./menu/menu-messages";
import { isNotebookPath } from "./open-requests";
import { type IpcSender, isTrustedSender } from "./policy/web-policy";

/** The slice of `ipcMain` the native actions need; `sender` is what the adapter read off the event. */
export interface NativeActionsIpc {
  handle(channel: string, listener: (sender: IpcSender | null, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** What the shell does natively for the page: dialogs and the file manager. */
export interface NativeActions {
  openNotebook(file: string | undefined): Promise<void>;
  newNotebook(): Promise<void>;
  /** The Save dialog, then `bytes` written to the chosen file; the path, or undefined when cancelled. */
  saveFile(request: DesktopSaveRequest, bytes: Uint8Array): Promise<string | undefined>;
  revealInFolder(file: string): Promise<void>;
  showLogs(): Promise<void>;
  /** The page's language: the menus are re-built in it. */
  setLanguage(locale: MenuLocale): Promise<void>;
}

const SAVE_KINDS = new Set<DesktopSaveRequest["kind"]>(["notebook", "dashboard", "csv"]);

/**
 * Serves the preload's native actions. Every message is checked like a service call (the app's page,
 * main frame) and its arguments are checked before anything touches the disk: the page is treated
 * as untrusted, since whatever it runs can reach these channels.
 */
export function serveNativeActions(ipc: NativeActionsIpc, actions: NativeActions): () => void {
  const guarded =
    (perform: (...args: unknown[]) => Promise<unknown>) =>
    async (sender: IpcSender | null, ...args: unknown[]) => {
      if (!isTrustedSender(sender)) throw new Error("Refused: not the app's own page.");
      return perform(...args);
    };
  ipc.handle(
    CHANNELS.openNotebook,
    guarded(async (file) => actions.openNotebook(file === undefined ? undefined : notebookFile(file))),
  );
  ipc.handle(
    CHANNELS.newNotebook,
    guarded(() => actions.newNotebook()),
  );
  ipc.handle(
    CHANNELS.saveFile,
    guarded(async (request, bytes) => actions.saveFile(saveRequest(request), fileBytes(bytes))),
  );
  ipc.handle(
    CHANNELS.revealInFolder,
    guarded(async (file) => actions.revealInFolder(absolutePath(file))),
  );
  ipc.handle(
    CHANNELS.showLogs,
    guarded(() => actions.showLogs()),
  );
  ipc.handle(
    CHANNELS.setLanguage,
    guarded(async (locale) => {
      if (!isMenuLocale(locale)) throw new Error("Refused: not a language the menus speak.");
      return actions.setLanguage(locale);
    }),
  );
  return () => {
    for (const channel of [
      CHANNELS.openNotebook,
      CHANNELS.newNotebook,
      CHANNELS.saveFile,
      CHANNELS.revealInFolder,
      CHANNELS.showLogs,
      CHANNELS.setLanguage,
    ]) {
      ipc.removeHandler(channel);
    }
  };
}

function saveRequest(value: unknown): DesktopSaveRequest {
  const { kind, defaultName } = (value ?? {}) as { kind?: unknown; defaultName?: unknown };
  if (typeof kind !== "string" || !SAVE_KINDS.has(kind as DesktopSaveRequest["kind"])) {
    throw new Error("Refused: unknown kind of file to save.");
  }
  if (typeof defaultName !== "string" || defaultName.length > 255 || /[/\\\0]/.test(defaultName)) {
    // A bare file name only: the page proposes a name, the user picks the folder.
    throw new Error("Refused: the proposed file name must be a plain name.");
  }
  return { kind: kind as DesktopSaveRequest["kind"], defaultName };
}

function fileBytes(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new Error("Refused: the file's bytes are missing.");
  if (value.byteLength > MAX_DESKTOP_SAVE_BYTES)
    throw new Error("Refused: the file is too large to save here.");
  return value;
}

function notebookFile(value: unknown): string {
  const file = absolutePath(value);
  if (!isNotebookPath(file)) throw new Error("Refused: only a *.lakebook.md notebook can be opened.");
  return file;
}

function absolutePath(value: unknown): string {
  if (typeof value !== "string" || value.includes("\0") || !path.isAbsolute(value)) {
    throw new Error("Refused: an absolute path is needed.");
  }
  return path.normalize(value);
}

/** The file filters of the Save dialog, per kind. */
export function saveFilters(kind: DesktopSaveRequest["kind"]): { name: string; extensions: string[] }[] {
  switch (kind) {
    case "notebook":
      return [{ name: "Lakebook notebook", extensions: ["lakebook.md"] }];
    case "dashboard":
      return [{ name: "HTML dashboard", extensions: ["html"] }];
    case "csv":
      return [{ name: "CSV", extensions: ["csv"] }];
  }
}
