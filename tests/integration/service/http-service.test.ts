import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { ServiceEvent } from "../../../pipeline/contract";
import { parseNotebook } from "../../../pipeline/document";
import {
  createRouter,
  type HttpHost,
  openWorkspace,
  startHttpHost,
  statusPage,
  type Workspace,
} from "../../../pipeline/service";
import { ServiceClient } from "../../../renderer/src/service/client";
import { httpTransport } from "../../../renderer/src/service/http-transport";

const notebookText = `---
lakebook: 1
title: Service test
target:
  kind: local
---

<!-- #intro -->
# Service test

\`\`\`sql {#numbers}
SELECT range AS n, range % 7 AS bucket FROM range(250000)
\`\`\`

\`\`\`sql {#slow}
SELECT count(*) FROM range(200000) a, range(200000) b WHERE a.range + b.range = 7
\`\`\`

\`\`\`pivot {#unknown_kind}
SELECT 1
\`\`\`
`;

let dir: string;
let workspace: Workspace;
let host: HttpHost;
let client: ServiceClient;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-service-"));
  await writeFile(path.join(dir, "test.lakebook.md"), notebookText);
  workspace = await openWorkspace({ notebookPath: path.join(dir, "test.lakebook.md") });
  const router = createRouter(workspace);
  host = await startHttpHost(router, { page: async () => statusPage(workspace) });
  base = `http://127.0.0.1:${host.port}`;
  client = new ServiceClient(
    httpTransport({ baseUrl: base, token: host.token, openSocket: (url) => new WebSocket(url) as never }),
  );
  client.onEvent(() => undefined);
  await client.eventsConnected();
});

afterAll(async () => {
  client?.close();
  await host?.close();
  await workspace?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A raw request, so the test controls the Host and Origin headers a browser or attacker would send. */
function raw(pathname: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port: host.port, path: pathname, method: body ? "POST" : "GET", headers },
        (res) => {
          let text = "";
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
        },
      );
      req.on("error", reject);
      req.end(body);
    },
  );
}

function waitForEvent(predicate: (event: ServiceEvent) => boolean): Promise<ServiceEvent> {
  return new Promise((resolve) => {
    const stop = client.onEvent((event) => {
      if (predicate(event)) {
        stop();
        resolve(event);
      }
    });
  });
}

describe("the service on loopback HTTP", () => {
  it("prints a URL with the token and binds 127.0.0.1", () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it("refuses requests without the token, with a wrong Host or a foreign Origin", async () => {
    const hostHeader = `127.0.0.1:${host.port}`;
    expect((await raw("/", { Host: hostHeader })).status).toBe(401);
    expect((await raw("/rpc/service.info", { Host: hostHeader }, "{}")).status).toBe(401);
    expect((await raw(`/?token=${host.token}`, { Host: "attacker.example" })).status).toBe(403);
    const foreign = await raw(
      "/rpc/service.info",
      { Host: hostHeader, Origin: "https://attacker.example", Authorization: `Bearer ${host.token}` },
      "{}",
    );
    expect(foreign.status).toBe(403);
  });

  it("serves the page with the token and sets the session cookie", async () => {
    const page = await raw(`/?token=${host.token}`, { Host: `127.0.0.1:${host.port}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-cell-id="numbers"');
    expect(String(page.headers["set-cookie"])).toContain("HttpOnly");
  });

  it("refuses the event socket without the token", async () => {
    const outcome = await new Promise<string>((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${host.port}/events`);
      socket.on("open", () => resolve("open"));
      socket.on("unexpected-response", (_req, res) => resolve(String(res.statusCode)));
      socket.on("error", () => resolve("error"));
    });
    expect(outcome).toBe("401");
  });

  it("answers contract methods and validates params", async () => {
    const info = await client.call("service.info", {});
    expect(info).toMatchObject({ target: "local", lake: path.join(dir, ".lake") });
    const bad = await raw(
      "/rpc/query.page",
      { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}` },
      JSON.stringify({ resultId: "x", offset: -5, limit: 10 }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe("INVALID_PARAMS");
  });

  it("runs a cell, streams its events and keeps the result on the service side", async () => {
    const finished = waitForEvent((event) => event.type === "run.finished");
    const { runId } = await client.call("cell.run", { cellId: "numbers" });
    const event = await finished;
    expect(event).toMatchObject({ type: "run.finished", runId, result: { id: "numbers", status: "ok" } });
    const result = event.type === "run.finished" ? event.result : undefined;
    expect(result?.output?.type).toBe("table");
    if (result?.output?.type !== "table") return;
    expect(result.output.result.rowCount).toBe(250_000);
    const page = await client.call("query.page", {
      resultId: result.output.result.resultId,
      offset: 200_000,
      limit: 3,
    });
    expect(page.rows).toEqual([
      { n: 200_000, bucket: 200_000 % 7 },
      { n: 200_001, bucket: 200_001 % 7 },
      { n: 200_002, bucket: 200_002 % 7 },
    ]);
    expect(await client.call("run.status", { runId })).toMatchObject({ status: "ok" });
  });

  it("reports a cell kind it does not know as an error, never ok", async () => {
    const finished = waitForEvent((event) => event.type === "run.finished");
    await client.call("cell.run", { cellId: "unknown_kind" });
    expect(await finished).toMatchObject({
      result: { status: "error", error: { code: "UNKNOWN_CELL_KIND" } },
    });
  });

  it("cancels a running cell", async () => {
    const started = waitForEvent((event) => event.type === "run.started");
    const finished = waitForEvent((event) => event.type === "run.finished");
    const { runId } = await client.call("cell.run", { cellId: "slow" });
    await started;
    expect(await client.call("run.cancel", { runId })).toEqual({ cancelled: true });
    expect(await finished).toMatchObject({
      result: { id: "slow", status: "error", error: { code: "CANCELLED" } },
    });
  });

  it("saves through the canonical writer and reopens the same notebook", async () => {
    const opened = await client.call("notebook.open", {});
    const edited = structuredClone(opened.notebook);
    const numbers = edited.cells.find((cell) => cell.id === "numbers");
    if (numbers) numbers.source = "SELECT 42 AS answer";
    await client.call("notebook.save", { notebook: edited });
    const onDisk = await readFile(path.join(dir, "test.lakebook.md"), "utf8");
    expect(onDisk).toContain("SELECT 42 AS answer");
    expect(parseNotebook(onDisk).notebook).toEqual(edited);
  });
});

describe("what the workbench needs from the service", () => {
  it("journals unsaved edits and offers them back after a restart; a save clears them", async () => {
    const opened = await client.call("notebook.open", {});
    expect(opened.recovered).toBeUndefined();
    const edited = structuredClone(opened.notebook);
    edited.cells.push({ id: "added", kind: "sql", attrs: [], source: "SELECT 'unsaved' AS edit" });
    await client.call("notebook.journal", { notebook: edited });
    // A new service on the same notebook (the old one was killed before its autosave).
    const again = await openWorkspace({ notebookPath: path.join(dir, "test.lakebook.md") });
    const router = createRouter(again);
    try {
      const reopened = await router.call("notebook.open", {});
      expect(reopened.recovered?.notebook).toEqual(edited);
      await router.call("notebook.save", { notebook: edited });
      expect((await router.call("notebook.open", {})).recovered).toBeUndefined();
    } finally {
      await router.close();
      await again.close();
    }
  });

  it("reports which tables each cell reads and writes", async () => {
    const notebook = {
      meta: { lakebook: 1 },
      cells: [
        {
          id: "make",
          kind: "sql",
          attrs: [],
          source: "CREATE TABLE refined.top AS SELECT * FROM trusted.movies",
        },
        { id: "use", kind: "sql", attrs: [], source: "SELECT * FROM refined.top" },
        { id: "note", kind: "markdown", attrs: [], source: "Prose" },
      ],
    };
    expect(await client.call("notebook.dependencies", { notebook })).toEqual({
      cells: [
        { id: "make", reads: ["trusted.movies"], writes: ["refined.top"] },
        { id: "use", reads: ["refined.top"], writes: [] },
        { id: "note", reads: [], writes: [] },
      ],
    });
  });

  it("tells the page when the file changes on disk, but not for its own saves", async () => {
    const opened = await client.call("notebook.open", {});
    const events: ServiceEvent[] = [];
    const stop = client.onEvent((event) => events.push(event));
    await client.call("notebook.save", { notebook: opened.notebook });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(events.filter((e) => e.type === "notebook.changed")).toEqual([]);
    const changed = waitForEvent((event) => event.type === "notebook.changed");
    const file = path.join(dir, "test.lakebook.md");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace("title: Service test", "title: Edited elsewhere"),
    );
    expect(await changed).toEqual({ type: "notebook.changed", path: file });
    stop();
  });

  it("refuses to save over a change made on disk, until told to overwrite", async () => {
    const opened = await client.call("notebook.open", {});
    const file = path.join(dir, "test.lakebook.md");
    // Someone breaks the file by hand: a save must not silently replace their text.
    const broken = "---\nlakebook: 1\ntitle: [unclosed\n";
    await writeFile(file, broken);
    await expect(client.call("notebook.save", { notebook: opened.notebook })).rejects.toMatchObject({
      code: "NOTEBOOK_CHANGED_ON_DISK",
    });
    expect(await readFile(file, "utf8")).toBe(broken);
    await client.call("notebook.save", { notebook: opened.notebook, overwrite: true });
    expect(parseNotebook(await readFile(file, "utf8")).notebook).toEqual(opened.notebook);
  });

  it("streams a kept result as CSV", async () => {
    const result = await client.call("query.run", {
      sql: "SELECT range AS n, 'a,b' AS s FROM range(25000)",
      pageSize: 1,
    });
    const response = await fetch(`${base}/results/${result.resultId}.csv`, {
      headers: { Authorization: `Bearer ${host.token}` },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const lines = (await response.text()).split("\r\n");
    expect(lines.slice(0, 3)).toEqual(["n,s", '0,"a,b"', '1,"a,b"']);
    expect(lines).toHaveLength(25_002);
    const missing = await fetch(`${base}/results/r_nope.csv`, {
      headers: { Authorization: `Bearer ${host.token}` },
    });
    expect(missing.status).toBe(404);
    expect((await fetch(`${base}/results/${result.resultId}.csv`)).status).toBe(401);
  });

  it("serves the stream methods through the client, as the UI calls them", async () => {
    const result = await client.call("query.run", { sql: "SELECT range AS n FROM range(3)", pageSize: 1 });
    const csv = await client.exportResultCsv(result.resultId);
    expect(csv.fileName).toBe("lakebook-result.csv");
    expect(csv.blob.type).toMatch(/^text\/csv/);
    expect(await csv.blob.text()).toBe("n\r\n0\r\n1\r\n2\r\n");
    await expect(client.exportResultCsv("r_nope")).rejects.toMatchObject({ name: "ServiceCallError" });

    const upload = await client.uploadDataFile({ file: new Blob(["a|b\n1|2\n"]), name: "via-client.csv" });
    expect(upload).toMatchObject({
      path: "data/via-client.csv",
      bytes: 8,
      replaced: false,
      unchanged: false,
    });
    expect(await readFile(path.join(dir, "data", "via-client.csv"), "utf8")).toBe("a|b\n1|2\n");
    await expect(
      client.uploadDataFile({ file: new Blob(["other"]), name: "via-client.csv" }),
    ).rejects.toMatchObject({ code: "DATA_FILE_EXISTS" });
  });

  it("answers a stream method with bad params or an unknown name in the one reply shape", async () => {
    const headers = { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.token}` };
    const badParams = await raw(
      `/rpc/result.exportCsv?params=${encodeURIComponent('{"resultId":"../x"}')}`,
      headers,
    );
    expect(badParams.status).toBe(400);
    expect(JSON.parse(badParams.body)).toMatchObject({ ok: false, error: { code: "INVALID_PARAMS" } });
    const notJson = await raw("/rpc/result.exportCsv?params=%7B", headers);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: "INVALID_JSON" } });
    const unknown = await raw("/rpc/fs.readFile", headers);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: "UNKNOWN_METHOD" } });
    // A plain method is not a download, and a download is not a plain method.
    expect((await raw("/rpc/service.info", headers)).status).toBe(404);
    expect((await raw("/rpc/dashboard.export", headers, "{}")).status).toBe(404);
  });
});
