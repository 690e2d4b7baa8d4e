import { describe, expect, it } from "vitest";
import { LakebookError } from "../../../pipeline/contract";
import { createDispatcher, type ServiceRouter } from "../../../pipeline/service";
import { ChunkPipe } from "../../../pipeline/service/chunk-pipe";

const seen: { method: string; params: unknown }[] = [];

const router: ServiceRouter = {
  call: async (method, params) => {
    seen.push({ method, params });
    if (method === "service.info")
      return { version: "1", notebookPath: null, lake: "/l", target: "local" } as never;
    if (method === "catalog.list") return { tables: "not a list" } as never;
    throw new Error("engine exploded\n    at Engine.query (/srv/engine.js:10:5)");
  },
  download: async (_method, params) => {
    seen.push({ method: "download", params });
    async function* body() {
      yield new TextEncoder().encode("a,b\r\n");
      throw new Error("disk gone, token=s3cr3t");
    }
    return { head: { fileName: "x.csv", contentType: "text/csv" }, body: body() };
  },
  upload: async (_method, params, body) => {
    let bytes = 0;
    for await (const chunk of body) bytes += chunk.byteLength;
    return {
      path: `data/${(params as { name: string }).name}`,
      bytes,
      sha256: "0".repeat(64),
      replaced: false,
      unchanged: false,
    };
  },
  subscribe: () => () => undefined,
  close: async () => undefined,
};

describe("the dispatcher every transport calls", () => {
  const dispatcher = createDispatcher(router);

  it("validates params with the contract before the router sees them", async () => {
    seen.length = 0;
    expect(await dispatcher.call("query.page", { resultId: "r", offset: -1, limit: 5 })).toMatchObject({
      ok: false,
      error: { code: "INVALID_PARAMS", message: expect.stringContaining("offset") },
    });
    expect(await dispatcher.call("cell.run", {})).toMatchObject({
      ok: false,
      error: { code: "INVALID_PARAMS" },
    });
    expect(await dispatcher.openDownload("result.exportCsv", { resultId: "a/b" })).toMatchObject({
      ok: false,
      error: { code: "INVALID_PARAMS" },
    });
    expect(seen).toEqual([]);
    expect(await dispatcher.call("service.info", undefined)).toMatchObject({
      ok: true,
      result: { version: "1" },
    });
  });

  it("refuses names that are not methods of the right kind", async () => {
    for (const name of ["fs.delete", "__proto__", "toString", 42, "dataFile.upload"]) {
      expect(await dispatcher.call(name, {})).toMatchObject({ ok: false, error: { code: "UNKNOWN_METHOD" } });
    }
    expect(await dispatcher.openDownload("dataFile.upload", {})).toMatchObject({
      error: { code: "UNKNOWN_METHOD" },
    });
    expect(await dispatcher.acceptUpload("result.exportCsv", {}, new ChunkPipe())).toMatchObject({
      error: { code: "UNKNOWN_METHOD" },
    });
  });

  it("turns a throw or a result off the contract into the error shape, without the stack", async () => {
    const thrown = await dispatcher.call("run.status", { runId: "r" });
    expect(thrown).toEqual({
      ok: false,
      error: { code: "INTERNAL", message: "engine exploded", retryable: false },
    });
    expect(await dispatcher.call("catalog.list", {})).toMatchObject({
      ok: false,
      error: { code: "INTERNAL" },
    });
  });

  it("hands a download's failure mid-way to the transport as a scrubbed LakebookError", async () => {
    const reply = await dispatcher.openDownload("result.exportCsv", { resultId: "r1" });
    if (!reply.ok) throw new Error("expected a download");
    expect(reply.result).toEqual({ fileName: "x.csv", contentType: "text/csv" });
    const chunks: Uint8Array[] = [];
    const failure = await (async () => {
      for await (const chunk of reply.body) chunks.push(chunk);
    })().catch((error: unknown) => error);
    expect(chunks).toHaveLength(1);
    expect(failure).toBeInstanceOf(LakebookError);
    expect((failure as LakebookError).message).toBe("disk gone, token=[redacted]");
  });

  it("feeds an upload from a chunk pipe, each write waiting until the bytes are taken", async () => {
    const pipe = new ChunkPipe();
    const settled = dispatcher.acceptUpload("dataFile.upload", { name: "a.csv" }, pipe);
    await pipe.wanted();
    await pipe.push(new Uint8Array(3));
    await pipe.push(new Uint8Array(4));
    pipe.end();
    expect(await settled).toMatchObject({ ok: true, result: { path: "data/a.csv", bytes: 7 } });
  });
});
