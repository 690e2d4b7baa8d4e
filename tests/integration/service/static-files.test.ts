import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceRouter } from "../../../pipeline/service";
import { type HttpHost, startHttpHost } from "../../../pipeline/service";

let dir: string;
let host: HttpHost;

const router: ServiceRouter = {
  call: async () => ({}) as never,
  download: async () => ({}) as never,
  upload: async () => ({}),
  subscribe: () => () => undefined,
  close: async () => undefined,
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-static-"));
  await mkdir(path.join(dir, "ui", "assets"), { recursive: true });
  await writeFile(path.join(dir, "ui", "index.html"), "<!doctype html><title>Lakebook</title>");
  await writeFile(path.join(dir, "ui", "assets", "app.js"), "console.log('ui')");
  await writeFile(path.join(dir, "secret.txt"), "outside the UI folder");
  host = await startHttpHost(router, { page: async () => "fallback", staticDir: path.join(dir, "ui") });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

function get(pathname: string, withToken = true) {
  return new Promise<{ status: number; body: string; type: string; csp: string }>((resolve, reject) => {
    const headers: Record<string, string> = { Host: `127.0.0.1:${host.port}` };
    if (withToken) headers.Authorization = `Bearer ${host.token}`;
    request({ host: "127.0.0.1", port: host.port, path: pathname, headers }, (res) => {
      let body = "";
      res.on("data", (c) => {
        body += c;
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body,
          type: String(res.headers["content-type"]),
          csp: String(res.headers["content-security-policy"]),
        }),
      );
    })
      .on("error", reject)
      .end();
  });
}

describe("serving the built UI", () => {
  it("serves index.html at / under a strict CSP, and its assets", async () => {
    const page = await get("/");
    expect(page.body).toContain("<title>Lakebook</title>");
    expect(page.csp).toContain("script-src 'self'");
    expect(page.csp).not.toContain("unsafe-eval");
    const script = await get("/assets/app.js");
    expect(script.type).toContain("text/javascript");
  });

  it("never serves files outside the UI folder, nor anything without the token", async () => {
    expect((await get("/../secret.txt")).status).toBe(404);
    expect((await get("/%2e%2e/secret.txt")).status).toBe(404);
    expect((await get("/assets/app.js", false)).status).toBe(401);
  });
});
