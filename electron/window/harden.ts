import { navigationVerdict, newWindowVerdict, permissionVerdict } from "../policy/web-policy";

/** The slice of `webContents` the hardening needs, so a fake stands in for it in tests. */
export interface HardenableContents {
  getURL(): string;
  on(
    event: "will-navigate" | "will-redirect",
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  on(event: "will-attach-webview", listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" }): void;
}
export interface PreventableEvent {
  preventDefault(): void;
}
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
}

/**
 * Applies the navigation policy to one web contents (the app's window and anything it could
 * spawn): it stays on the app's pages, web links go to the OS browser, no new windows, no
 * <webview>. `openInBrowser` must be given http(s) URLs only, which the verdicts guarantee.
 */
export function hardenContents(contents: HardenableContents, openInBrowser: (url: string) => void): void {
  const guard = (event: PreventableEvent, url: string) => {
    const verdict = navigationVerdict(url, contents.getURL());
    if (verdict === "stay") return;
    event.preventDefault();
    if (verdict === "open-in-browser") openInBrowser(url);
  };
  contents.on("will-navigate", guard);
  contents.on("will-redirect", guard);
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (newWindowVerdict(url) === "open-in-browser") openInBrowser(url);
    return { action: "deny" };
  });
}

/** Every permission request and check on the app's session goes through `permissionVerdict`. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionVerdict(permission, details.requestingUrl ?? ""));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionVerdict(permission, requestingOrigin),
  );
}

/** The window's web preferences: Electron's security checklist, spelt out so a test can read it. */
export function secureWebPreferences(preload: string, devTools: boolean) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools,
  } as const;
}
