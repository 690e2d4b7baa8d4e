/**
 * The preload: the only code with a foot in both worlds. It runs sandboxed and hands the page one
 * narrow object, `window.lakebook` (see pipeline/contract/desktop-api.ts): never `ipcRenderer`
 * itself, never an IPC event (whose `sender` would reach back into Electron), never Node.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from "electron";
import type { DesktopApi, DesktopCallReply, DesktopPageCommand } from "../pipeline/contract/desktop-api";
import { CHANNELS } from "./channels";

function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const forward = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const desktopApi: DesktopApi = {
  desktop: 1,
  call: (method, params) => ipcRenderer.invoke(CHANNELS.call, method, params) as Promise<DesktopCallReply>,
  onEvent: (listener) => subscribe<unknown>(CHANNELS.event, listener),
  onCommand: (listener) => subscribe<DesktopPageCommand>(CHANNELS.command, listener),
  openNotebook: (path) => ipcRenderer.invoke(CHANNELS.openNotebook, path) as Promise<void>,
  newNotebook: () => ipcRenderer.invoke(CHANNELS.newNotebook) as Promise<void>,
  chooseSavePath: (request) =>
    ipcRenderer.invoke(CHANNELS.chooseSavePath, request) as Promise<string | undefined>,
  revealInFolder: (path) => ipcRenderer.invoke(CHANNELS.revealInFolder, path) as Promise<void>,
  showLogs: () => ipcRenderer.invoke(CHANNELS.showLogs) as Promise<void>,
};

contextBridge.exposeInMainWorld("lakebook", desktopApi);
