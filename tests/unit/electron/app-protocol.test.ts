import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  APP_CONTENT_SECURITY_POLICY,
  APP_SCHEME_PRIVILEGES,
  answerAppRequest,
  appFileFor,
  contentTypeFor,
} from "../../../electron/app-protocol";

const root = path.resolve("/opt/lakebook/renderer/dist");

describe("the app's lakebook:// protocol", () => {
  it("maps the app's URLs to files inside the built UI", () => {
    expect(appFileFor("lakebook://app/", root)).toBe(path.join(root, "index.html"));
    expect(appFileFor("lakebook://app/index.html", root)).toBe(path.join(root, "index.html"));
    expect(appFileFor("lakebook://app/assets/a%20b.js?v=1", root)).toBe(path.join(root, "assets", "a b.js"));
  });

  it("never leaves the folder and serves no other host", () => {
    // The URL parser folds "/../" (and "/%2e%2e/") away before anything else sees it: still inside.
    expect(appFileFor("lakebook://app/../secret.txt", root)).toBe(path.join(root, "secret.txt"));
    expect(appFileFor("lakebook://app/a/%2e%2e/%2e%2e/etc/passwd", root)).toBe(
      path.join(root, "etc", "passwd"),
    );
    for (const url of [
      "lakebook://app/..%2f..%2fetc/passwd",
      "lakebook://app/a%5c..%5c..%5cwin.ini",
      "lakebook://app/x%00.js",
      "lakebook://app/%E0%A4%A",
      "lakebook://other/index.html",
      "file:///opt/lakebook/renderer/dist/index.html",
    ]) {
      expect(appFileFor(url, root), url).toBeUndefined();
    }
  });

  it("answers with the strict CSP, the shell's own pages, and 404 for the rest", async () => {
    const pages = () => new Map([["/shell/page.html", { body: "<p>start</p>", type: "text/html" }]]);
    const page = await answerAppRequest("lakebook://app/shell/page.html", root, pages);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe("<p>start</p>");
    expect(page.headers.get("content-security-policy")).toBe(APP_CONTENT_SECURITY_POLICY);
    const missing = await answerAppRequest("lakebook://app/nope.js", root, pages);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-security-policy")).toBe(APP_CONTENT_SECURITY_POLICY);
    const foreign = await answerAppRequest("lakebook://evil/shell/page.html", root, pages);
    expect(foreign.status).toBe(404);
  });

  it("keeps scripts to the app's own files and registers as a secure standard scheme", () => {
    expect(APP_CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(APP_CONTENT_SECURITY_POLICY).not.toContain("unsafe-eval");
    expect(APP_CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(contentTypeFor("a/b.JS")).toMatch(/^text\/javascript/);
    expect(contentTypeFor("a/b.unknown")).toBe("application/octet-stream");
  });
});
