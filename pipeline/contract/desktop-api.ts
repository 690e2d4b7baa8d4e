import type { IPC_CHANNELS } from "./ipc";

/**
 * What the desktop shell's preload puts on `window.lakebook`, and nothing more. The renderer imports
 * it for its IPC transport, the menu commands and the Save dialog; the shell's preload implements it.
 *
 * Two halves. The service half (`invoke`, `on`) is the IPC transport's wire over the three channels
 * of `ipc.ts`; the service's replies come back as data (`{ok, result | error}`), never thrown,
 * because an Error crossing Electron's contextBridge keeps only its message. The native half is the
 * few things only the shell can do: menus, dialogs, the file manager.
 */
export interface DesktopApi extends DesktopServiceIpc {
  /** Tells the page it runs in the desktop shell, and which version of this interface it has. */
  readonly desktop: 1;
  /** Menu commands for the page to perform (Save, Run all…); returns the unsubscribe. */
  onCommand(listener: (command: DesktopPageCommand) => void): () => void;
  /**
   * Opens a notebook in this window (the page reloads on it): the one at `path` (absolute, a
   * `*.lakebook.md`), or, without one, the one chosen in the native Open dialog.
   */
  openNotebook(path?: string): Promise<void>;
  /** Asks where with the native Save dialog, writes an empty notebook there and opens it. */
  newNotebook(): Promise<void>;
  /**
   * The native Save dialog, then the bytes written where the user chose: the chosen path, or
   * undefined when cancelled. The page cannot write files itself, so the shell does.
   */
  saveFile(request: DesktopSaveRequest, bytes: Uint8Array): Promise<string | undefined>;
  /** Shows a file or folder in the OS file manager (absolute paths only). */
  revealInFolder(path: string): Promise<void>;
  /** Opens the folder of the shell's log file. */
  showLogs(): Promise<void>;
  /** The UI's language, so the native menus speak it too (re-built at once, remembered). */
  setLanguage(locale: DesktopLanguage): Promise<void>;
}

/** The languages the UI and the native menus speak. */
export type DesktopLanguage = "en" | "pt-BR";

/** The channels the page may `invoke`: a service call, or one step of a stream method. */
export type DesktopInvokeChannel = (typeof IPC_CHANNELS)["call" | "stream"];

/**
 * The service's wire, exactly what the renderer's IPC transport uses: `invoke(call, method,
 * params)`, `invoke(stream, StreamRequest)`, and `on(event, listener)` → the unsubscribe.
 */
export interface DesktopServiceIpc {
  invoke(channel: DesktopInvokeChannel, ...args: unknown[]): Promise<unknown>;
  on(channel: (typeof IPC_CHANNELS)["event"], listener: (payload: unknown) => void): () => void;
}

export interface DesktopSaveRequest {
  /** What is saved: picks the dialog's file filter. */
  kind: "notebook" | "dashboard" | "csv";
  /** The file name proposed in the dialog. */
  defaultName: string;
}

/** The largest file `saveFile` takes in one message; bigger exports go through the browser's download. */
export const MAX_DESKTOP_SAVE_BYTES = 256 * 1024 * 1024;

/**
 * Commands the menus send to the page. The ids are the workbench's own command ids where it has
 * one (`renderer/src/commands/notebook-commands.ts`), so the page runs the same command object.
 */
export type DesktopPageCommand =
  | "save"
  | "saveAs"
  | "runCell"
  | "runAll"
  | "runFromHere"
  | "runStale"
  | "runDownstream"
  | "cancel"
  | "toggleTheme"
  | "toggleLanguage"
  | "palette"
  | "shortcuts"
  | "showCoursePath";
