import type { ServiceError } from "./errors";

/**
 * What the desktop shell's preload puts on `window.lakebook`, and nothing more. Type-only: the
 * renderer imports it to type its desktop transport; the shell's preload implements it.
 *
 * Replies carry the error shape instead of throwing, because an Error crossing Electron's
 * contextBridge keeps only its message: the code and hint would be lost on the way.
 */
export interface DesktopApi {
  /** Tells the page it runs in the desktop shell, and which version of this interface it has. */
  readonly desktop: 1;
  /** One service call (a contract method name and its params), answered by the in-process router. */
  call(method: string, params: unknown): Promise<DesktopCallReply>;
  /** Service events (the contract's `ServiceEvent`, still to be validated); returns the unsubscribe. */
  onEvent(listener: (event: unknown) => void): () => void;
  /** Menu commands for the page to perform (Save, Run all…); returns the unsubscribe. */
  onCommand(listener: (command: DesktopPageCommand) => void): () => void;
  /**
   * Opens a notebook in this window (the page reloads on it): the one at `path` (absolute, a
   * `*.lakebook.md`), or, without one, the one chosen in the native Open dialog.
   */
  openNotebook(path?: string): Promise<void>;
  /** Asks where with the native Save dialog, writes an empty notebook there and opens it. */
  newNotebook(): Promise<void>;
  /** The native Save dialog; the chosen path, or undefined when cancelled. */
  chooseSavePath(request: DesktopSaveRequest): Promise<string | undefined>;
  /** Shows a file or folder in the OS file manager (absolute paths only). */
  revealInFolder(path: string): Promise<void>;
  /** Opens the folder of the shell's log file. */
  showLogs(): Promise<void>;
}

export type DesktopCallReply = { ok: true; result: unknown } | { ok: false; error: ServiceError };

export interface DesktopSaveRequest {
  /** What is saved: picks the dialog's file filter. */
  kind: "notebook" | "dashboard" | "csv";
  /** The file name proposed in the dialog. */
  defaultName: string;
}

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
  | "cancel"
  | "toggleTheme"
  | "toggleLanguage"
  | "palette"
  | "shortcuts"
  | "showCoursePath";
