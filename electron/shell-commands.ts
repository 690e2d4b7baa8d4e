import type { ServiceError } from "../pipeline/contract/errors";
import type { ShellCommand } from "./menu/menu-model";
import { newNotebookText, withNotebookExtension } from "./new-notebook";
import type { NotebookSession } from "./notebook-session";

/** The native parts the shell's own commands use; Electron's in main.ts, fakes in tests. */
export interface ShellCommandDeps {
  current(): NotebookSession | undefined;
  open(notebookPath: string | undefined): Promise<void>;
  sendToPage(command: Extract<ShellCommand, { to: "page" }>["id"]): void;
  chooseNotebookToOpen(): Promise<string | undefined>;
  chooseNewNotebookPath(): Promise<string | undefined>;
  chooseDashboardPath(defaultName: string): Promise<string | undefined>;
  /** Writes a new file; fails when one is there already unless the user chose to replace it. */
  writeFile(file: string, text: string): Promise<void>;
  exportDashboard(session: NotebookSession): Promise<{ html: string; fileName: string }>;
  revealFolder(folder: string): Promise<void>;
  showLogs(): Promise<void>;
  showAbout(): void;
  clearRecent(): void;
  showError(title: string, error: ServiceError): Promise<void>;
}

/** Performs one menu command: the shell's own here, the page's sent to the page. */
export async function performShellCommand(command: ShellCommand, deps: ShellCommandDeps): Promise<void> {
  if (command.to === "page") {
    deps.sendToPage(command.id);
    return;
  }
  switch (command.id) {
    case "openNotebook": {
      const file = await deps.chooseNotebookToOpen();
      if (file) await deps.open(file);
      return;
    }
    case "openRecent":
      await deps.open(command.path);
      return;
    case "newNotebook": {
      const chosen = await deps.chooseNewNotebookPath();
      if (!chosen) return;
      const file = withNotebookExtension(chosen);
      try {
        await deps.writeFile(file, newNotebookText(file));
      } catch (error) {
        await deps.showError(
          "The notebook could not be created",
          asServiceError(error, "NOTEBOOK_UNWRITABLE"),
        );
        return;
      }
      await deps.open(file);
      return;
    }
    case "exportDashboard": {
      const session = deps.current();
      if (!session) return;
      try {
        // Built first, so a chart that fails is reported before the user picks a file.
        const dashboard = await deps.exportDashboard(session);
        const file = await deps.chooseDashboardPath(dashboard.fileName);
        if (file) await deps.writeFile(file, dashboard.html);
      } catch (error) {
        await deps.showError("The dashboard could not be exported", asServiceError(error, "EXPORT_FAILED"));
      }
      return;
    }
    case "revealLake": {
      const session = deps.current();
      if (session) await deps.revealFolder(session.workspace.lakeRoot);
      return;
    }
    case "showLogs":
      await deps.showLogs();
      return;
    case "about":
      deps.showAbout();
      return;
    case "clearRecent":
      deps.clearRecent();
      return;
    default: {
      const unknown: never = command;
      throw new Error(`Unknown shell command ${JSON.stringify(unknown)}`);
    }
  }
}

/** Any thrown value as the error shape, keeping a LakebookError's code and hint. */
function asServiceError(error: unknown, fallbackCode: string): ServiceError {
  if (typeof error === "object" && error !== null && "code" in error && "message" in error) {
    const { code, message, hint } = error as { code: unknown; message: unknown; hint?: unknown };
    if (typeof code === "string" && typeof message === "string") {
      return { code, message, ...(typeof hint === "string" ? { hint } : {}), retryable: false };
    }
  }
  return {
    code: fallbackCode,
    message: error instanceof Error ? error.message : String(error),
    retryable: false,
  };
}
