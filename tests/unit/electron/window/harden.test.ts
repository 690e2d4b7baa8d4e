import { describe, expect, it } from "vitest";
import { APP_START_URL } from "../../../../electron/policy/web-policy";
import {
  type HardenableContents,
  type HardenableSession,
  hardenContents,
  hardenSession,
  secureWebPreferences,
} from "../../../../electron/window/harden";

function fakeContents(url: string) {
  const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
  let openHandler: ((details: { url: string }) => { action: "deny" }) | undefined;
  const contents: HardenableContents = {
    getURL: () => url,
    on: ((event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => {
      listeners.set(event, listener);
    }) as HardenableContents["on"],
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const fire = (event: string, target?: string) => {
    let prevented = false;
    listeners.get(event)?.({ preventDefault: () => (prevented = true) }, target);
    return prevented;
  };
  return { contents, fire, open: (target: string) => openHandler?.({ url: target }) };
}

describe("the window's hardening", () => {
  it("keeps the window on the app and hands web links to the OS browser", () => {
    const external: string[] = [];
    const { contents, fire } = fakeContents(APP_START_URL);
    hardenContents(contents, (url) => external.push(url));
    expect(fire("will-navigate", "lakebook://app/index.html")).toBe(false);
    expect(fire("will-navigate", "https://www.themoviedb.org/")).toBe(true);
    expect(fire("will-redirect", "file:///etc/passwd")).toBe(true);
    expect(fire("will-attach-webview")).toBe(true);
    expect(external).toEqual(["https://www.themoviedb.org/"]);
  });

  it("opens no new window, whatever is asked", () => {
    const external: string[] = [];
    const { contents, open } = fakeContents(APP_START_URL);
    hardenContents(contents, (url) => external.push(url));
    expect(open("https://docs.aws.amazon.com/")).toEqual({ action: "deny" });
    expect(open("lakebook://app/index.html")).toEqual({ action: "deny" });
    expect(open("javascript:alert(1)")).toEqual({ action: "deny" });
    expect(external).toEqual(["https://docs.aws.amazon.com/"]);
  });

  it("denies every permission request and check", () => {
    let request: Parameters<HardenableSession["setPermissionRequestHandler"]>[0] | undefined;
    let check: Parameters<HardenableSession["setPermissionCheckHandler"]>[0] | undefined;
    hardenSession({
      setPermissionRequestHandler: (handler) => {
        request = handler;
      },
      setPermissionCheckHandler: (handler) => {
        check = handler;
      },
    });
    const answers: boolean[] = [];
    request?.({}, "media", (granted) => answers.push(granted), { requestingUrl: APP_START_URL });
    expect(answers).toEqual([false]);
    expect(check?.({}, "clipboard-sanitized-write", "lakebook://app")).toBe(false);
  });

  it("follows Electron's security checklist in the window's preferences", () => {
    expect(secureWebPreferences("/app/preload.cjs", false)).toMatchObject({
      preload: "/app/preload.cjs",
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
  });
});
