/**
 * The preload: the only code with a foot in both worlds. It runs sandboxed and hands the page one
 * narrow object, `window.lakebook` (see pipeline/contract/desktop-api.ts): never `ipcRenderer`
 * itself, never an IPC event (whose `sender` would reach back into Electron), never Node. It
 * bundles no service code: the channel names come from `channels.ts`, not from the contract.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from "electron";
import type { DesktopApi, DesktopPageCommand } from "../pipeline/contract/desktop-api";
import { CHANNELS } from "./channels";

// The page may invoke the service's two request channels and listen on its event channel, no other:
// a page that calls `invoke` with a native action's channel is refused here, before any IPC.
const SERVICE_INVOKE: ReadonlySet<string> = new Set([CHANNELS.call, CHANNELS.stream]);

function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const forward = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const desktopApi: DesktopApi = {
  desktop: 1,
  invoke: (channel, ...args) =>
    SERVICE_INVOKE.has(channel)
      ? ipcRenderer.invoke(channel, ...args)
      : Promise.reject(new Error(`Not a service channel: ${String(channel)}`)),
  on: (channel, listener) => {
    if (channel !== CHANNELS.event) throw new Error(`Not the service's event channel: ${String(channel)}`);
    return subscribe<unknown>(CHANNELS.event, listener);
  },
  onCommand: (listener) => subscribe<DesktopPageCommand>(CHANNELS.command, listener),
  openNotebook: (path) => ipcRenderer.invoke(CHANNELS.openNotebook, path) as Promise<void>,
  newNotebook: () => ipcRenderer.invoke(CHANNELS.newNotebook) as Promise<void>,
  saveFile: (request, bytes) =>
    ipcRenderer.invoke(CHANNELS.saveFile, request, bytes) as Promise<string | undefined>,
  revealInFolder: (path) => ipcRenderer.invoke(CHANNELS.revealInFolder, path) as Promise<void>,
  showLogs: () => ipcRenderer.invoke(CHANNELS.showLogs) as Promise<void>,
  setLanguage: (locale) => ipcRenderer.invoke(CHANNELS.setLanguage, locale) as Promise<void>,
};

contextBridge.exposeInMainWorld("lakebook", desktopApi);
