import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createRouter,
  type HttpHost,
  openWorkspace,
  startHttpHost,
  statusPage,
  type Workspace,
} from "../../../pipeline/service";
import { rawRequest, upgradeStatus } from "./raw-http";

/**
 * The loopback service's defences, each attacked the way a hostile page, a DNS-rebinding site or
 * another local program would: raw request lines, so paths reach the host exactly as typed.
 */

const KB = 1024;
const UPLOAD_CAP = 256 * KB;
const OUTSIDE_SECRET = "outside-secret-7f3a";

let dir: string;
let outside: string;
let workspace: Workspace;
let host: HttpHost;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-security-"));
  outside = path.join(dir, "outside");
  await mkdir(outside);
  await writeFile(path.join(outside, "secret.txt"), OUTSIDE_SECRET);
  await writeFile(path.join(dir, "secret.txt"), OUTSIDE_SECRET);
  const project = path.join(dir, "project");
  const ui = path.join(dir, "project-ui");
  await mkdir(path.join(ui, "assets"), { recursive: true });
  await writeFile(path.join(ui, "index.html"), "<!doctype html><title>Lakebook</title>");
  await writeFile(path.join(ui, "assets", "app.js"), "console.log('ui')");
  // A folder inside the served UI that points out of it.
  await symlink(outside, path.join(ui, "linked"));
  await symlink(path.join(outside, "secret.txt"), path.join(ui, "linked-file.txt"));
  await mkdir(project);
  await writeFile(path.join(project, "test.lakebook.md"), "---\nlakebook: 1\ntitle: Security\n---\n");
  workspace = await openWorkspace({ notebookPath: path.join(project, "test.lakebook.md") });
  // A folder inside the lake that points out of it.
  await symlink(outside, path.join(fileURLToPath(workspace.store.location), "Linked"));
  host = await startHttpHost(createRouter(workspace, { maxUploadBytes: UPLOAD_CAP }), {
    page: async () => statusPage(workspace),
    staticDir: ui,
  });
});

afterAll(async () => {
  await host?.close();
  await workspace?.close();
  await rm(dir, { recursive: true, force: true });
});

// Each test starts from an empty data folder, so one defence failing shows in its own test only.
beforeEach(async () => {
  await rm(dataFolder(), { recursive: true, force: true });
});

const hostHeader = () => `127.0.0.1:${host.port}`;
const withToken = () => ({ Host: hostHeader(), Authorization: `Bearer ${host.token}` });
const dataFolder = () => path.join(dir, "project", "data");
const outsideFiles = async () => (await readdir(outside)).sort();
const dataFiles = async () => (await readdir(dataFolder()).catch(() => [] as string[])).sort();

/** Every kind of route the host serves, so each check is proven on all of them. */
const ROUTES = [
  { method: "GET", path: "/" },
  { method: "POST", path: "/rpc/service.info", body: "{}" },
  { method: "GET", path: "/rpc/dashboard.export?params=%7B%7D" },
  { method: "PUT", path: "/rpc/dataFile.upload?params=%7B%22name%22%3A%22a.csv%22%7D", body: "x" },
  { method: "GET", path: "/results/abc.csv" },
  { method: "GET", path: "/dashboard.html" },
  { method: "PUT", path: "/data/a.csv", body: "x" },
  { method: "GET", path: "/assets/app.js" },
];

describe("who may call the service, on every route", () => {
  it.each(ROUTES)("$method $path: no token or a wrong one is 401", async (route) => {
    const none = await rawRequest(host.port, { ...route, headers: { Host: hostHeader() } });
    expect(none.status).toBe(401);
    const wrong = await rawRequest(host.port, {
      ...route,
      headers: { Host: hostHeader(), Authorization: `Bearer ${host.token.slice(0, -1)}x` },
    });
    expect(wrong.status).toBe(401);
    const wrongQuery = await rawRequest(host.port, {
      ...route,
      path: `${route.path}${route.path.includes("?") ? "&" : "?"}token=nope`,
      headers: { Host: hostHeader() },
    });
    expect(wrongQuery.status).toBe(401);
    const wrongCookie = await rawRequest(host.port, {
      ...route,
      headers: { Host: hostHeader(), Cookie: "lakebook_token=nope" },
    });
    expect(wrongCookie.status).toBe(401);
  });

  it.each(ROUTES)("$method $path: a foreign Origin is 403, even with the token", async (route) => {
    for (const origin of [
      "https://attacker.example",
      "http://127.0.0.1:1",
      "null",
      `https://${hostHeader()}`,
    ]) {
      const answer = await rawRequest(host.port, { ...route, headers: { ...withToken(), Origin: origin } });
      expect(answer.status, origin).toBe(403);
    }
  });

  it.each(ROUTES)(
    "$method $path: a foreign Host (DNS rebinding) is refused, even with the token",
    async (route) => {
      for (const name of [
        "attacker.example",
        `attacker.example:${host.port}`,
        "127.0.0.1:1",
        `0.0.0.0:${host.port}`,
      ]) {
        const answer = await rawRequest(host.port, {
          ...route,
          headers: { Host: name, Authorization: `Bearer ${host.token}` },
        });
        expect(answer.status, name).toBe(403);
      }
      const noHost = await rawRequest(host.port, {
        ...route,
        headers: { Authorization: `Bearer ${host.token}` },
      });
      expect([400, 403]).toContain(noHost.status);
    },
  );

  it("lets the same requests through with the token, the right Host and the app's own Origin", async () => {
    const answer = await rawRequest(host.port, {
      method: "POST",
      path: "/rpc/service.info",
      headers: { ...withToken(), Origin: `http://${hostHeader()}` },
      body: "{}",
    });
    expect(answer.status).toBe(200);
  });
});

describe("the event socket's upgrade", () => {
  const events = () => `/events?token=${host.token}`;

  it("opens with the token, the right Host and the app's Origin", async () => {
    expect(
      await upgradeStatus(host.port, events(), { Host: hostHeader(), Origin: `http://${hostHeader()}` }),
    ).toBe(101);
  });

  it("refuses no token or a wrong one with 401", async () => {
    expect(await upgradeStatus(host.port, "/events", { Host: hostHeader() })).toBe(401);
    expect(await upgradeStatus(host.port, "/events?token=nope", { Host: hostHeader() })).toBe(401);
    expect(
      await upgradeStatus(host.port, "/events", { Host: hostHeader(), Cookie: "lakebook_token=nope" }),
    ).toBe(401);
  });

  it("refuses a foreign Origin with 403, even with the token", async () => {
    expect(
      await upgradeStatus(host.port, events(), { Host: hostHeader(), Origin: "https://attacker.example" }),
    ).toBe(403);
  });

  it("refuses a foreign Host with 403, even with the token", async () => {
    expect(await upgradeStatus(host.port, events(), { Host: `attacker.example:${host.port}` })).toBe(403);
  });
});

describe("paths that try to leave the served folders", () => {
  const TRAVERSALS = [
    "/../secret.txt",
    "/../../secret.txt",
    "/..%2fsecret.txt",
    "/..%2f..%2fsecret.txt",
    "/%2e%2e/secret.txt",
    "/%2e%2e%2fsecret.txt",
    "/%2E%2E%2Fsecret.txt",
    "/%252e%252e%252fsecret.txt",
    "/..%252fsecret.txt",
    "/..\\secret.txt",
    "/..%5csecret.txt",
    "/assets/..%2f..%2fsecret.txt",
    `/${"%2e%2e%2f".repeat(12)}etc/passwd`,
    "//etc/passwd",
    "/%2fetc%2fpasswd",
    "/linked/secret.txt",
    "/linked-file.txt",
    "/%00/secret.txt",
  ];

  it.each(TRAVERSALS)("GET %s never serves a file outside the UI folder", async (pathname) => {
    const answer = await rawRequest(host.port, { path: pathname, headers: withToken() });
    expect(answer.body).not.toContain(OUTSIDE_SECRET);
    expect(answer.body).not.toContain("root:");
    expect([400, 404]).toContain(answer.status);
  });

  const UPLOAD_NAMES = [
    "/data/..%2fescaped.csv",
    "/data/%2e%2e%2fescaped.csv",
    "/data/%2E%2E%2Fescaped.csv",
    "/data/..%5cescaped.csv",
    "/data/%2fescaped.csv",
    "/data/%2ftmp%2fescaped.csv",
    "/data/.hidden",
    "/data/sub%2fescaped.csv",
    "/data/%ZZ.csv",
    "/data/a%00.csv",
  ];

  it.each(UPLOAD_NAMES)("PUT %s is refused and writes nothing anywhere", async (pathname) => {
    const answer = await rawRequest(host.port, {
      method: "PUT",
      path: pathname,
      headers: withToken(),
      body: "a,b\n",
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("DATA_FILE_NAME_INVALID");
    expect(await outsideFiles()).toEqual(["secret.txt"]);
    expect(await dataFiles()).toEqual([]);
  });

  it.each(["/data/..", "/data/%2e%2e", "/data/%2E%2E/x.csv"])(
    "PUT %s names no file (the URL's dots resolve first) and writes nothing",
    async (pathname) => {
      const answer = await rawRequest(host.port, {
        method: "PUT",
        path: pathname,
        headers: withToken(),
        body: "a",
      });
      expect([400, 404]).toContain(answer.status);
      expect(await outsideFiles()).toEqual(["secret.txt"]);
      expect(await dataFiles()).toEqual([]);
    },
  );

  it("refuses the same names through the stream method's params", async () => {
    for (const name of ["../escaped.csv", "/tmp/escaped.csv", "..\\escaped.csv", "a/../../escaped.csv"]) {
      const params = encodeURIComponent(JSON.stringify({ name }));
      const answer = await rawRequest(host.port, {
        method: "PUT",
        path: `/rpc/dataFile.upload?params=${params}`,
        headers: withToken(),
        body: "a,b\n",
      });
      expect(answer.status, name).toBe(400);
      expect(await outsideFiles()).toEqual(["secret.txt"]);
    }
  });

  it("a double-encoded name is just an odd file name inside data/, never a way out", async () => {
    const answer = await rawRequest(host.port, {
      method: "PUT",
      path: "/data/%252e%252e%252fodd.csv",
      headers: withToken(),
      body: "a,b\n",
    });
    expect(answer.status).toBe(201);
    expect(await dataFiles()).toEqual(["%2e%2e%2fodd.csv"]);
    expect(await outsideFiles()).toEqual(["secret.txt"]);
    await rm(path.join(dataFolder(), "%2e%2e%2fodd.csv"));
  });

  it("lake listings refuse prefixes that leave the lake, and do not follow a folder linked out of it", async () => {
    for (const prefix of ["../", "../../", "/", "/etc/", "..\\", "a/../../", "Linked/../../"]) {
      const answer = await rawRequest(host.port, {
        method: "POST",
        path: "/rpc/lake.list",
        headers: withToken(),
        body: JSON.stringify({ prefix }),
      });
      expect(answer.status, prefix).toBeGreaterThanOrEqual(400);
      expect(answer.body).toContain("LAKE_KEY_INVALID");
    }
    for (const prefix of ["", "Linked/"]) {
      const answer = await rawRequest(host.port, {
        method: "POST",
        path: "/rpc/lake.list",
        headers: withToken(),
        body: JSON.stringify({ prefix }),
      });
      expect(answer.body).not.toContain("secret.txt");
    }
  });
});

/** A PUT or POST whose body is sent chunked (no Content-Length), as a streaming client does. */
function chunked(
  method: string,
  pathname: string,
  total: number,
): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: host.port, path: pathname, method, headers: withToken() },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }),
        );
      },
    );
    req.on("error", reject);
    void (async () => {
      const chunk = Buffer.alloc(64 * KB, "a");
      try {
        for (let sent = 0; sent < total; sent += chunk.length) {
          if (!req.write(chunk)) await new Promise((done) => req.once("drain", done));
        }
        req.end();
      } catch {
        // The server answered early and closed; the answer still arrives.
      }
    })();
  });
}

describe("bodies over their caps", () => {
  it("an upload over the cap with a Content-Length is 413 before it is read, and leaves nothing", async () => {
    const answer = await rawRequest(host.port, {
      method: "PUT",
      path: "/data/declared.csv",
      headers: { ...withToken(), "Content-Length": String(UPLOAD_CAP + 1) },
    });
    expect(answer.status).toBe(413);
    expect(await dataFiles()).toEqual([]);
  });

  it.each(["/data/chunked.csv", "/rpc/dataFile.upload?params=%7B%22name%22%3A%22chunked.csv%22%7D"])(
    "a chunked upload over the cap to %s is 413 and leaves no temp file and no partial file",
    async (pathname) => {
      const answer = await chunked("PUT", pathname, UPLOAD_CAP * 4);
      expect(answer.status).toBe(413);
      expect(answer.body).toContain("DATA_FILE_TOO_LARGE");
      expect(await dataFiles()).toEqual([]);
    },
  );

  it("a chunked upload right at the cap is stored whole", async () => {
    const answer = await chunked("PUT", "/data/at-cap.csv", UPLOAD_CAP);
    expect(answer.status).toBe(201);
    expect(await dataFiles()).toEqual(["at-cap.csv"]);
    await rm(path.join(dataFolder(), "at-cap.csv"));
  });

  it("a call's JSON body over its cap is 413, chunked or declared, and the connection is closed", async () => {
    const over = 21 * KB * KB;
    const streamed = await chunked("POST", "/rpc/service.info", over);
    expect(streamed.status).toBe(413);
    expect(streamed.body).toContain("REQUEST_TOO_LARGE");
    const declared = await rawRequest(host.port, {
      method: "POST",
      path: "/rpc/service.info",
      headers: { ...withToken(), "Content-Length": String(over) },
    });
    expect(declared.status).toBe(413);
  });
});
