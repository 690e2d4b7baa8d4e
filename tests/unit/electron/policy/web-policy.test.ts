import { describe, expect, it } from "vitest";
import {
  APP_START_URL,
  isAppUrl,
  isTrustedSender,
  navigationVerdict,
  newWindowVerdict,
  permissionVerdict,
} from "../../../../electron/policy/web-policy";

describe("which pages are the app's own", () => {
  it("accepts only lakebook://app/…", () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl("lakebook://app/assets/index-abc.js")).toBe(true);
    expect(isAppUrl("lakebook://app/shell/page.html?x=1#y")).toBe(true);
  });

  it("compares the whole origin, not a prefix of the path", () => {
    for (const url of [
      "file://evil.example/opt/lakebook/renderer/index.html",
      "file:///opt/lakebook/renderer/index.html",
      "lakebook://app.evil.example/index.html",
      "lakebook://evil.example/app/index.html",
      "lakebook://app@evil.example/index.html",
      "lakebook://user:pw@app/index.html",
      "lakebook://app:8080/index.html",
      "lakebookx://app/index.html",
      "https://app/index.html",
      "http://127.0.0.1:5173/index.html",
      "javascript:alert(1)",
      "data:text/html,<h1>x</h1>",
      "about:blank",
      "not a url",
      "",
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe("navigation and new windows", () => {
  it("lets the app reload its own pages", () => {
    expect(navigationVerdict("lakebook://app/index.html", "lakebook://app/shell/page.html")).toBe("stay");
  });

  it("sends web links to the OS browser and refuses everything else", () => {
    expect(navigationVerdict("https://docs.aws.amazon.com/athena/", APP_START_URL)).toBe("open-in-browser");
    expect(navigationVerdict("http://example.com/", APP_START_URL)).toBe("open-in-browser");
    expect(navigationVerdict("file:///etc/passwd", APP_START_URL)).toBe("deny");
    expect(navigationVerdict("javascript:alert(1)", APP_START_URL)).toBe("deny");
    expect(navigationVerdict("smb://share/x", APP_START_URL)).toBe("deny");
    // A page that is somehow not the app's may not even move within the app.
    expect(navigationVerdict(APP_START_URL, "https://evil.example/")).toBe("deny");
  });

  it("never opens a second app window", () => {
    expect(newWindowVerdict("https://www.themoviedb.org/")).toBe("open-in-browser");
    expect(newWindowVerdict(APP_START_URL)).toBe("deny");
    expect(newWindowVerdict("about:blank")).toBe("deny");
    expect(newWindowVerdict("file:///tmp/x.html")).toBe("deny");
  });
});

describe("permissions and IPC senders", () => {
  it("refuses every permission, even to the app's own page", () => {
    for (const permission of [
      "media",
      "geolocation",
      "notifications",
      "clipboard-read",
      "openExternal",
      "hid",
    ]) {
      expect(permissionVerdict(permission, APP_START_URL)).toBe(false);
    }
  });

  it("trusts only the app's page in the main frame", () => {
    expect(isTrustedSender({ url: APP_START_URL, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: APP_START_URL, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: "https://evil.example/", isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: undefined, isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
