/**
 * The one place the shell uses `ipc-bridge.ts`: serves a session's router to the app's window over
 * IPC. Kept to this file so a change in the bridge's API is a change here only.
 */
import { CALL_CHANNEL, EVENT_CHANNEL, exposeRouterOverIpc, type IpcMainLike } from "./ipc-bridge";
import type { NotebookSession } from "./notebook-session";
import { isAppUrl } from "./policy/web-policy";

/** The channels the preload must use for calls and events (the preload repeats them; a test checks). */
export const SERVICE_CHANNELS = { call: CALL_CHANNEL, event: EVENT_CHANNEL } as const;

/** Starts answering the window's calls with the session's router; returns the stop. */
export function serveSessionToWindow(
  ipc: IpcMainLike,
  session: NotebookSession,
  contents: { send(channel: string, payload: unknown): void },
): () => void {
  return exposeRouterOverIpc(ipc, session.router, contents, isAppUrl);
}
