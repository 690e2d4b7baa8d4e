// A stand-in for the `electron` module, enough for the main process to start in plain Node:
// it records what main.ts asks of Electron, so a test can check the wiring without the runtime.
export const recorded = {
  handlers: new Map(),
  protocol: undefined,
  windows: [],
  loaded: [],
  schemes: [],
  menu: [],
};
globalThis.__fakeElectron = recorded;
const nothing = () => undefined;
const paths = new Map();

export const app = {
  isPackaged: false,
  setPath: (name, value) => paths.set(name, value),
  getPath: (name) => paths.get(name) ?? `${process.env.FAKE_ELECTRON_HOME}/${name}`,
  setName: nothing,
  getName: () => "Lakebook",
  getVersion: () => "0.0.0-test",
  on: nothing,
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  addRecentDocument: nothing,
  clearRecentDocuments: nothing,
  showAboutPanel: nothing,
  setAboutPanelOptions: nothing,
  quit: nothing,
  exit: nothing,
};
export class BrowserWindow {
  constructor(options) {
    this.options = options;
    this.webContents = { send: nothing };
    recorded.windows.push(this);
  }
  async loadURL(url) {
    recorded.loaded.push(url);
  }
  on() {}
  once() {}
  isDestroyed() {
    return false;
  }
  setTitle(title) {
    this.title = title;
  }
  maximize() {}
  show() {}
  getNormalBounds() {
    return { x: 0, y: 0, width: 800, height: 600 };
  }
  isMaximized() {
    return false;
  }
}
export const dialog = { showErrorBox: (...args) => console.error(...args), showMessageBox: nothing };
export const ipcMain = {
  handle: (channel, listener) => recorded.handlers.set(channel, listener),
  removeHandler: (channel) => recorded.handlers.delete(channel),
};
export const Menu = {
  buildFromTemplate: (template) => template,
  setApplicationMenu: (menu) => {
    recorded.menu = menu.map((top) => top.label);
  },
};
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => recorded.schemes.push(...schemes),
  handle: (scheme, handler) => {
    recorded.protocol = { scheme, handler };
  },
};
export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const session = {
  defaultSession: { setPermissionRequestHandler: nothing, setPermissionCheckHandler: nothing },
};
export const shell = { openPath: async () => "", showItemInFolder: nothing, openExternal: nothing };
export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: nothing,
  decryptString: nothing,
};
