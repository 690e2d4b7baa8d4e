import path from "node:path";

/** The notebook file name the OS hands the app: `*.lakebook.md` (file association, double-click). */
export function isNotebookPath(file: string): boolean {
  return /\.lakebook\.md$/i.test(file);
}

/**
 * The notebook named on a command line (`lakebook-desktop x.lakebook.md`, or the OS's "open with"
 * on Windows and Linux), resolved against the folder it was launched from. Switches, the
 * executable and the app folder are skipped; with several notebooks, the last one wins.
 */
export function notebookInArgv(argv: readonly string[], workingDirectory: string): string | undefined {
  const candidates = argv.slice(1).filter((arg) => !arg.startsWith("-") && isNotebookPath(arg));
  const last = candidates.at(-1);
  return last === undefined ? undefined : path.resolve(workingDirectory, last);
}

/**
 * Files the OS asks the app to open. macOS sends `open-file` before the app is ready, and a second
 * launch can arrive while a notebook is still opening: requests wait here until the shell can take
 * them, and only the latest is kept (the app shows one notebook at a time).
 */
export class OpenRequests {
  private pending: string | undefined;
  private handler: ((file: string) => void) | undefined;

  request(file: string): void {
    if (this.handler) this.handler(file);
    else this.pending = file;
  }

  /** From now on requests go straight to `handler`; one that waited is handed over at once. */
  ready(handler: (file: string) => void): void {
    this.handler = handler;
    const waiting = this.pending;
    this.pending = undefined;
    if (waiting !== undefined) handler(waiting);
  }

  /** The request that arrived before `ready`, taken (so the first window opens it). */
  takePending(): string | undefined {
    const waiting = this.pending;
    this.pending = undefined;
    return waiting;
  }
}
