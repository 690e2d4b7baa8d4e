import type { DesktopPageCommand } from "../pipeline/contract/desktop-api";
import type { NotebookSession, OpenSession } from "./notebook-session";
import { APP_ORIGIN, APP_START_URL } from "./policy/web-policy";
import { SHELL_PAGE_PATH, type ShellPageState } from "./shell-page";

/** The slice of the app's window the shell drives. */
export interface ShellWindow {
  load(url: string): Promise<void>;
  setTitle(title: string): void;
  sendCommand(command: DesktopPageCommand): void;
}

export interface ShellDeps {
  openSession: OpenSession;
  /** Serves a session's router to the window (the IPC bridge); returns the stop. */
  serve(session: NotebookSession): () => void;
  window: ShellWindow;
  /** A line for the shell's log file. */
  log(line: string): void;
  logFile: string;
  /** A notebook opened: it goes to the top of Open Recent (and the OS's recent documents). */
  opened(notebookPath: string): void;
}

export const SHELL_PAGE_URL = `${APP_ORIGIN}${SHELL_PAGE_PATH}`;

/**
 * One window, one notebook at a time: opening another stops the running service and starts one
 * for the new notebook, and the page reloads on it. When the service cannot start, the window
 * shows the failure page (the error, its hint, and a way on) instead of an empty workbench.
 */
export class Shell {
  private session: NotebookSession | undefined;
  private stopServing: (() => void) | undefined;
  private state: ShellPageState = { kind: "start" };
  // Opens run one after the other: a double-click while a notebook is opening must not interleave.
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ShellDeps) {}

  /** What the start or failure page shows now (served by the app's protocol). */
  get pageState(): ShellPageState {
    return this.state;
  }

  get current(): NotebookSession | undefined {
    return this.session;
  }

  /** Opens `notebookPath` in the window, or the start page when there is none. */
  open(notebookPath: string | undefined): Promise<void> {
    this.queue = this.queue.then(() => this.openNow(notebookPath));
    return this.queue;
  }

  sendCommand(command: DesktopPageCommand): void {
    if (this.session) this.deps.window.sendCommand(command);
  }

  async close(): Promise<void> {
    await this.queue;
    await this.stop();
  }

  private async openNow(notebookPath: string | undefined): Promise<void> {
    await this.stop();
    if (notebookPath === undefined) {
      this.state = { kind: "start" };
      this.deps.window.setTitle("Lakebook");
      await this.deps.window.load(SHELL_PAGE_URL);
      return;
    }
    this.deps.log(`opening ${notebookPath}`);
    const started = await this.deps.openSession(notebookPath);
    if (!started.ok) {
      this.deps.log(
        `the service did not start for ${notebookPath}: ${started.error.code} ${started.error.message}`,
      );
      this.state = { kind: "failure", notebookPath, error: started.error, logFile: this.deps.logFile };
      this.deps.window.setTitle("Lakebook — the notebook could not be opened");
      await this.deps.window.load(SHELL_PAGE_URL);
      return;
    }
    this.session = started.session;
    this.stopServing = this.deps.serve(started.session);
    this.deps.opened(notebookPath);
    this.deps.window.setTitle(`${baseName(notebookPath)} — Lakebook`);
    await this.deps.window.load(APP_START_URL);
  }

  private async stop(): Promise<void> {
    this.stopServing?.();
    this.stopServing = undefined;
    const closing = this.session;
    this.session = undefined;
    if (closing) {
      await closing
        .close()
        .catch((error: unknown) => this.deps.log(`closing the service failed: ${String(error)}`));
    }
  }
}

function baseName(file: string): string {
  return file.split(/[\\/]/).at(-1) ?? file;
}
