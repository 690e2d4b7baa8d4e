import type { IpcInvokeEventLike, IpcMainLike, WindowContentsLike } from "../../../electron/ipc-bridge";
import type { DesktopIpc } from "../../../renderer/src/service/ipc-transport";

type Handler = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/**
 * Electron's two IPC ends without Electron: ipcMain.handle ↔ ipcRenderer.invoke, webContents.send
 * ↔ ipcRenderer.on. Every message is structured-cloned both ways, as Electron does, so what
 * crosses is what would cross (a Uint8Array stays one; functions and class instances do not).
 */
export function fakeIpcPair(pageUrl: string) {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const invokes: { channel: string; args: unknown[] }[] = [];
  const ipcMain: IpcMainLike & { handlers: Map<string, Handler> } = {
    handlers,
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const contents: WindowContentsLike = {
    send: (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener(structuredClone(payload));
    },
  };
  const ipcRenderer: DesktopIpc = {
    invoke: async (channel, ...args) => {
      invokes.push({ channel, args });
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      // The page's main frame: Electron's WebFrameMain has no parent there.
      const senderFrame = { url: pageUrl, parent: null };
      return structuredClone(await handler({ senderFrame }, ...structuredClone(args)));
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  return { ipcMain, contents, ipcRenderer, invokes };
}
