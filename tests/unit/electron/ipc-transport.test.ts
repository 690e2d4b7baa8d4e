import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exposeRouterOverIpc, STREAM_CHANNEL } from "../../../electron/ipc-bridge";
import { APP_START_URL } from "../../../electron/policy/web-policy";
import { LakebookError, MAX_IPC_CHUNK_BYTES, type ServiceEvent } from "../../../pipeline/contract";
import { htmlDownload, type ServiceRouter, streamHandlers } from "../../../pipeline/service";
import { ServiceClient } from "../../../renderer/src/service/client";
import { ipcTransport } from "../../../renderer/src/service/ipc-transport";
import { fakeIpcPair } from "./ipc-fakes";

const ROWS = 30_000;
const CAP = 256 * 1024;

/** A result of 30,000 rows kept by a fake engine: enough for several chunks of CSV. */
const engine = {
  resultColumns(id: string) {
    if (id !== "r1") throw new LakebookError("RESULT_NOT_FOUND", `No result ${id}.`);
    return [
      { name: "n", type: "BIGINT" },
      { name: "label", type: "VARCHAR" },
    ];
  },
  async page(_id: string, offset: number, limit: number) {
    const count = Math.max(0, Math.min(limit, ROWS - offset));
    return Array.from({ length: count }, (_, i) => ({ n: offset + i, label: `row, ${offset + i}` }));
  },
};
const expectedCsv = ["n,label", ...Array.from({ length: ROWS }, (_, i) => `${i},"row, ${i}"`), ""].join(
  "\r\n",
);

let dir: string;
let events: ((event: ServiceEvent) => void) | undefined;

/** The real stream methods (CSV export, data upload) over a fake engine; the dashboard built in memory. */
function router(): ServiceRouter {
  const streams = streamHandlers(
    { engine: engine as never, notebook: null, notebookPath: path.join(dir, "nb.lakebook.md") },
    { maxUploadBytes: CAP },
  );
  return {
    call: async (method) => {
      if (method === "catalog.list") return { tables: [] } as never;
      throw new LakebookError("NO_NOTEBOOK", "No notebook is open", { hint: "Open one" });
    },
    download: async (method, params) =>
      method === "dashboard.export"
        ? htmlDownload("<!doctype html><title>Dash</title>", "nb.dashboard.html")
        : streams.download[method](params as never),
    upload: (method, params, body) => streams.upload[method](params as never, body),
    subscribe: (listener) => {
      events = listener;
      return () => {
        events = undefined;
      };
    },
    close: async () => undefined,
  };
}

function connect(chunkBytes?: number) {
  const pair = fakeIpcPair(APP_START_URL);
  const dispose = exposeRouterOverIpc(pair.ipcMain, router(), pair.contents);
  const client = new ServiceClient(ipcTransport(pair.ipcRenderer, chunkBytes ? { chunkBytes } : {}));
  const streamOps = (op: string) =>
    pair.invokes.filter((m) => m.channel === STREAM_CHANNEL && (m.args[0] as { op: string }).op === op);
  return { ...pair, dispose, client, streamOps };
}

const leftovers = async () =>
  (await readdir(path.join(dir, "data")).catch(() => [])).filter((n) => n.startsWith("."));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-ipc-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the renderer's IPC transport against the bridge", () => {
  it("calls methods, validating params at the dispatcher, and receives events", async () => {
    const { client } = connect();
    expect(await client.call("catalog.list", {})).toEqual({ tables: [] });
    await expect(client.call("notebook.open", {})).rejects.toMatchObject({
      name: "ServiceCallError",
      code: "NO_NOTEBOOK",
      hint: "Open one",
    });
    await expect(client.call("query.page", { resultId: "r", offset: -1, limit: 1 })).rejects.toMatchObject({
      code: "INVALID_PARAMS",
    });
    const seen: ServiceEvent[] = [];
    client.onEvent((event) => seen.push(event));
    await client.eventsConnected();
    events?.({ type: "notebook.changed", path: "/x.lakebook.md" });
    expect(seen).toEqual([{ type: "notebook.changed", path: "/x.lakebook.md" }]);
  });

  it("downloads a result as CSV in bounded chunks, each asked for", async () => {
    const { client, streamOps } = connect();
    const file = await client.exportResultCsv("r1");
    expect(file.fileName).toBe("lakebook-result.csv");
    expect(file.blob.type).toMatch(/^text\/csv/);
    expect(await file.blob.text()).toBe(expectedCsv);
    expect(streamOps("read").length).toBeGreaterThan(2);
    await expect(client.exportResultCsv("r_nope")).rejects.toMatchObject({ code: "RESULT_NOT_FOUND" });
    await expect(client.exportResultCsv("../etc/passwd")).rejects.toMatchObject({ code: "INVALID_PARAMS" });
  });

  it("exports the dashboard", async () => {
    const { client } = connect();
    const { html, fileName } = await client.exportDashboard();
    expect(fileName).toBe("nb.dashboard.html");
    expect(await html.text()).toBe("<!doctype html><title>Dash</title>");
  });

  it("uploads a data file chunk by chunk, with progress, refusing other content under the same name", async () => {
    const { client, streamOps } = connect(16 * 1024);
    const text = "a|b\n".repeat(20_000);
    const progress: number[] = [];
    const upload = await client.uploadDataFile({
      file: new Blob([text]),
      name: "movies.csv",
      onProgress: (sent) => progress.push(sent),
    });
    expect(upload).toMatchObject({
      path: "data/movies.csv",
      bytes: text.length,
      replaced: false,
      unchanged: false,
    });
    expect(await readFile(path.join(dir, "data", "movies.csv"), "utf8")).toBe(text);
    expect(streamOps("write")).toHaveLength(Math.ceil(text.length / (16 * 1024)));
    expect(progress.at(-1)).toBe(text.length);
    await expect(
      client.uploadDataFile({ file: new Blob(["other"]), name: "movies.csv" }),
    ).rejects.toMatchObject({
      code: "DATA_FILE_EXISTS",
    });
    const replaced = await client.uploadDataFile({
      file: new Blob(["other"]),
      name: "movies.csv",
      replace: true,
    });
    expect(replaced).toMatchObject({ replaced: true });
    await expect(client.uploadDataFile({ file: new Blob(["x"]), name: "../x.csv" })).rejects.toMatchObject({
      code: "DATA_FILE_NAME_INVALID",
    });
    expect(await leftovers()).toEqual([]);
  });

  it("holds the size cap on the streamed bytes, whatever size the page declared", async () => {
    const { ipcRenderer } = connect(64 * 1024);
    const transport = ipcTransport(ipcRenderer, { chunkBytes: 64 * 1024 });
    const big = new Blob([new Uint8Array(CAP + 1)]);
    await expect(transport.upload("dataFile.upload", { name: "big.csv" }, big)).rejects.toMatchObject({
      code: "DATA_FILE_TOO_LARGE",
    });
    await expect(
      transport.upload("dataFile.upload", { name: "big.csv", bytes: CAP + 1 }, big),
    ).rejects.toMatchObject({ code: "DATA_FILE_TOO_LARGE" });
    await expect(readFile(path.join(dir, "data", "big.csv"))).rejects.toThrow();
    expect(await leftovers()).toEqual([]);
  });

  it("cancels an upload mid-way and leaves nothing behind", async () => {
    const { client } = connect(8 * 1024);
    const controller = new AbortController();
    const upload = client.uploadDataFile({
      file: new Blob([new Uint8Array(100 * 1024)]),
      name: "cancelled.csv",
      signal: controller.signal,
      onProgress: (sent) => {
        if (sent >= 32 * 1024) controller.abort();
      },
    });
    await expect(upload).rejects.toMatchObject({ code: "CANCELLED" });
    await expect(readFile(path.join(dir, "data", "cancelled.csv"))).rejects.toThrow();
    await expect.poll(leftovers).toEqual([]);
  });

  it("refuses chunks over the message bound and pages that are not the app", async () => {
    const { ipcMain, ipcRenderer } = connect();
    const opened = (await ipcRenderer.invoke(STREAM_CHANNEL, {
      op: "upload",
      method: "dataFile.upload",
      params: { name: "chunky.csv" },
    })) as { ok: true; result: { streamId: string } };
    expect(opened.ok).toBe(true);
    const tooBig = await ipcRenderer.invoke(STREAM_CHANNEL, {
      op: "write",
      streamId: opened.result.streamId,
      chunk: new Uint8Array(MAX_IPC_CHUNK_BYTES + 1),
    });
    expect(tooBig).toMatchObject({ ok: false, error: { code: "INVALID_PARAMS" } });
    await ipcRenderer.invoke(STREAM_CHANNEL, { op: "cancel", streamId: opened.result.streamId });
    const stream = ipcMain.handlers.get(STREAM_CHANNEL);
    const foreign = await stream?.(
      { senderFrame: { url: "https://evil.example/", parent: null } },
      { op: "download", method: "result.exportCsv", params: { resultId: "r1" } },
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await leftovers()).toEqual([]);
  });

  it("cancels open streams when the bridge is disposed", async () => {
    const { ipcRenderer, dispose, ipcMain } = connect();
    const opened = (await ipcRenderer.invoke(STREAM_CHANNEL, {
      op: "upload",
      method: "dataFile.upload",
      params: { name: "left-open.csv" },
    })) as { ok: true; result: { streamId: string } };
    await ipcRenderer.invoke(STREAM_CHANNEL, {
      op: "write",
      streamId: opened.result.streamId,
      chunk: new Uint8Array(10),
    });
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
    await expect.poll(leftovers).toEqual([]);
    await expect(readFile(path.join(dir, "data", "left-open.csv"))).rejects.toThrow();
  });
});
