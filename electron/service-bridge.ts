/**
 * The one place the shell uses `ipc-bridge.ts`: serves a session's router to the app's window over
 * IPC. Kept to this file so a change in the bridge's API is a change here only.
 */
import {
  CALL_CHANNEL,
  EVENT_CHANNEL,
  exposeRouterOverIpc,
  type IpcMainLike,
  STREAM_CHANNEL,
} from "./ipc-bridge";
import type { NotebookSession } from "./notebook-session";

/** The channels the preload must use for the service (the preload repeats them; a test checks). */
export const SERVICE_CHANNELS = { call: CALL_CHANNEL, stream: STREAM_CHANNEL, event: EVENT_CHANNEL } as const;

/** Starts answering the window's calls with the session's router; returns the stop. */
export function serveSessionToWindow(
  ipc: IpcMainLike,
  session: NotebookSession,
  contents: { send(channel: string, payload: unknown): void },
): () => void {
  // Only the app's own page, main frame, is answered: the bridge checks every sender.
  return exposeRouterOverIpc(ipc, session.router, contents);
}
