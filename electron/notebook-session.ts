import { toServiceError } from "../pipeline/contract";
import type { ServiceError } from "../pipeline/contract/errors";
import {
  createRouter,
  openWorkspace,
  type ServiceRouter,
  type TmdbCredentialStore,
  type Workspace,
} from "../pipeline/service";

/** One notebook served in-process: its workspace (lake, engine, catalog) and the router over it. */
export interface NotebookSession {
  notebookPath: string;
  workspace: Workspace;
  router: ServiceRouter;
  close(): Promise<void>;
}

export type SessionStart = { ok: true; session: NotebookSession } | { ok: false; error: ServiceError };

/** How a session is opened; the real one is `openNotebookSession`, tests pass a fake. */
export type OpenSession = (notebookPath: string) => Promise<SessionStart>;

/**
 * Starts the pipeline service for a notebook inside the main process — the same router the HTTP
 * host serves, with no port and no token, since only the app's own window can reach it. A failure
 * (unreadable notebook, unwritable lake folder, DuckDB refusing to start) comes back as data for
 * the failure page, never as a crash.
 */
export async function openNotebookSession(
  notebookPath: string,
  options: { tmdbCredentials?: TmdbCredentialStore } = {},
): Promise<SessionStart> {
  let workspace: Workspace | undefined;
  try {
    // The desktop keeps the TMDB token in the OS keychain; without one given, the user-only file.
    workspace = await openWorkspace({ notebookPath, tmdbCredentials: options.tmdbCredentials });
    const router = createRouter(workspace);
    const opened = workspace;
    return {
      ok: true,
      session: {
        notebookPath,
        workspace: opened,
        router,
        close: async () => {
          await router.close();
          await opened.close();
        },
      },
    };
  } catch (error) {
    await workspace?.close().catch(() => undefined);
    return { ok: false, error: toServiceError(error) };
  }
}
