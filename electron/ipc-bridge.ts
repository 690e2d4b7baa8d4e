import { errorReply, IPC_CHANNELS, type ServiceEvent, type ServiceReply } from "../pipeline/contract";
import { createDispatcher, type ServiceRouter, streamSessions } from "../pipeline/service";
import { type IpcSender, isTrustedSender } from "./policy/web-policy";

/**
 * The service over Electron IPC: the desktop's transport, beside the HTTP host. Both call the same
 * dispatcher (`pipeline/service/dispatcher.ts`), which validates, calls the router and shapes
 * errors; this file only maps IPC messages onto it. Channel names and the stream protocol are in
 * `pipeline/contract/ipc.ts`, shared with the renderer's IPC transport.
 *
 * Used by the main process (through `service-bridge.ts` only):
 *   const stop = exposeRouterOverIpc(ipcMain, router, win.webContents);
 * and the preload exposes to the page, on `window.lakebook` (pipeline/contract/desktop-api.ts):
 *   invoke(channel, ...args) for IPC_CHANNELS.call and IPC_CHANNELS.stream (ipcRenderer.invoke),
 *   on(IPC_CHANNELS.event, listener) → unsubscribe (ipcRenderer.on, passing the payload only).
 */
export const CALL_CHANNEL = IPC_CHANNELS.call;
export const STREAM_CHANNEL = IPC_CHANNELS.stream;
export const EVENT_CHANNEL = IPC_CHANNELS.event;

/** The slice of Electron's ipcMain the bridge needs, so the bridge is tested without Electron. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}
/** The part of Electron's invoke event the sender check reads: its frame, and whether that has a parent. */
export interface IpcInvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}
export interface WindowContentsLike {
  send(channel: string, payload: unknown): void;
}

/** What every `invoke` answers: the contract's one reply shape. */
export type CallReply = ServiceReply;

/**
 * Serves the router over IPC until the returned function is called (then open downloads and
 * uploads are cancelled). Every message's sender is checked (`policy/web-policy.ts`): only the
 * app's own page, in its main frame, may reach the service; never a page it happened to navigate
 * to, nor an iframe inside it.
 */
export function exposeRouterOverIpc(
  ipc: IpcMainLike,
  router: ServiceRouter,
  contents: WindowContentsLike,
): () => void {
  const dispatcher = createDispatcher(router);
  const streams = streamSessions(dispatcher);
  const trusted =
    (answer: (...args: unknown[]) => Promise<ServiceReply>) =>
    async (event: IpcInvokeEventLike, ...args: unknown[]): Promise<ServiceReply> => {
      if (!isTrustedSender(senderOf(event))) {
        return errorReply({ code: "FORBIDDEN", message: "Call from an untrusted page", retryable: false });
      }
      return answer(...args);
    };
  ipc.handle(
    CALL_CHANNEL,
    trusted((method, params) => dispatcher.call(method, params)),
  );
  ipc.handle(
    STREAM_CHANNEL,
    trusted((request) => streams.handle(request)),
  );
  const unsubscribe = dispatcher.subscribe((event: ServiceEvent) => contents.send(EVENT_CHANNEL, event));
  return () => {
    unsubscribe();
    ipc.removeHandler(CALL_CHANNEL);
    ipc.removeHandler(STREAM_CHANNEL);
    void streams.closeAll();
  };
}

function senderOf(event: IpcInvokeEventLike): IpcSender | null {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
}
