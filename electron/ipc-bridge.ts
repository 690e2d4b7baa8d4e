import { type MethodName, methods, type ServiceEvent, toServiceError } from "../pipeline/contract";
import type { ServiceRouter } from "../pipeline/service";

/** The channels between the window and the main process; the preload exposes exactly these. */
export const CALL_CHANNEL = "lakebook:call";
export const EVENT_CHANNEL = "lakebook:event";

/** The slice of Electron's ipcMain the bridge needs, so the bridge is tested without Electron. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}
export interface IpcInvokeEventLike {
  senderFrame: { url: string } | null;
}
export interface WindowContentsLike {
  send(channel: string, payload: unknown): void;
}

export type CallReply =
  | { ok: true; result: unknown }
  | { ok: false; error: ReturnType<typeof toServiceError> };

/**
 * Serves the same router as the HTTP host over IPC. Every call's sender is checked: only the
 * app's own page (`isTrustedUrl`) may reach the service, never a page it happened to navigate to.
 */
export function exposeRouterOverIpc(
  ipc: IpcMainLike,
  router: ServiceRouter,
  contents: WindowContentsLike,
  isTrustedUrl: (url: string) => boolean,
): () => void {
  ipc.handle(CALL_CHANNEL, async (event, method, params): Promise<CallReply> => {
    if (!event.senderFrame || !isTrustedUrl(event.senderFrame.url)) {
      return {
        ok: false,
        error: { code: "FORBIDDEN", message: "Call from an untrusted page", retryable: false },
      };
    }
    if (typeof method !== "string" || !Object.hasOwn(methods, method)) {
      return {
        ok: false,
        error: { code: "UNKNOWN_METHOD", message: `No method ${String(method)}`, retryable: false },
      };
    }
    try {
      return { ok: true, result: await router.call(method as MethodName, params) };
    } catch (error) {
      return { ok: false, error: toServiceError(error) };
    }
  });
  const unsubscribe = router.subscribe((event: ServiceEvent) => contents.send(EVENT_CHANNEL, event));
  return () => {
    unsubscribe();
    ipc.removeHandler(CALL_CHANNEL);
  };
}

/** The app's page is loaded from its own files; anything else is untrusted. */
export function isAppUrl(appRoot: string): (url: string) => boolean {
  const root = new URL(`file://${appRoot.endsWith("/") ? appRoot : `${appRoot}/`}`);
  return (url) => {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "file:" && parsed.pathname.startsWith(root.pathname);
    } catch {
      return false;
    }
  };
}
