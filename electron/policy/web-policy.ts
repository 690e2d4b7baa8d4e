/**
 * What the app's window may load, open, ask for and send: pure verdicts, tested without Electron.
 * The page comes only from `lakebook://app/` (see app-protocol.ts); everything else is foreign.
 */

export const APP_SCHEME = "lakebook";
export const APP_HOST = "app";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for the app's own pages. The whole origin is compared (scheme, host, no user, no
 * port), not a path prefix: `file://evil.example/…` or `lakebook://app.evil/` never pass.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === "" &&
    parsed.username === "" &&
    parsed.password === "" &&
    parsed.pathname.startsWith("/")
  );
}

export type NavigationVerdict = "stay" | "open-in-browser" | "deny";

/**
 * A page never navigates away from the app: an http(s) link opens in the OS browser, where it has
 * none of the app's powers; anything else (file:, javascript:, data:, custom schemes) is refused.
 */
export function navigationVerdict(url: string, currentUrl: string): NavigationVerdict {
  // Reloading the same page (a new notebook opened) is the only navigation the app itself does.
  if (isAppUrl(url) && isAppUrl(currentUrl)) return "stay";
  return isWebLink(url) ? "open-in-browser" : "deny";
}

/** `window.open` and target=_blank: never a new app window; web links go to the OS browser. */
export function newWindowVerdict(url: string): Exclude<NavigationVerdict, "stay"> {
  return isWebLink(url) ? "open-in-browser" : "deny";
}

function isWebLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "https:" || parsed.protocol === "http:") && parsed.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * The workbench needs no camera, microphone, location, notifications, MIDI or the like, so every
 * permission request and check is refused, whoever asks. The clipboard works without a
 * permission for user-initiated copy and paste.
 */
export function permissionVerdict(_permission: string, _requestingUrl: string): boolean {
  return false;
}

/** The sender of an IPC message: its frame's URL and whether it is the window's main frame. */
export interface IpcSender {
  url: string | undefined;
  isMainFrame: boolean;
}

/** Only the app's own page, in the main frame (never an iframe inside it), may talk to the shell. */
export function isTrustedSender(sender: IpcSender | null | undefined): boolean {
  return !!sender && sender.isMainFrame && sender.url !== undefined && isAppUrl(sender.url);
}
