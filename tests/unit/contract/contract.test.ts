import { describe, expect, it } from "vitest";
import {
  CONTRACT_VERSION,
  describeContract,
  isDownloadMethod,
  isUploadMethod,
  LakebookError,
  methods,
  readReply,
  ServiceEventSchema,
  StreamRequestSchema,
  streamMethods,
  toServiceError,
} from "../../../pipeline/contract";

describe("service contract", () => {
  // An incompatible change to any method, event or the error shape changes this snapshot.
  // Update it deliberately (vitest -u) together with CONTRACT_VERSION.
  it("matches the recorded contract", () => {
    expect(describeContract()).toMatchSnapshot();
    expect(CONTRACT_VERSION).toBe(1);
  });

  it("validates params at the boundary", () => {
    expect(methods["query.page"].params.safeParse({ resultId: "r1", offset: -1, limit: 10 }).success).toBe(
      false,
    );
    expect(methods["cell.run"].params.safeParse({ cellId: "top_subgenres" }).success).toBe(true);
  });

  it("reads every transport's reply with one schema, and anything else as the fallback error", () => {
    const fallback = { code: "HTTP_502", message: "Bad Gateway", retryable: true };
    expect(readReply({ ok: true, result: { tables: [] } }, fallback)).toEqual({
      ok: true,
      result: { tables: [] },
    });
    const failed = { ok: false, error: { code: "NO_NOTEBOOK", message: "No notebook", retryable: false } };
    expect(readReply(failed, fallback)).toEqual(failed);
    expect(readReply("<html>proxy error</html>", fallback)).toEqual({ ok: false, error: fallback });
    expect(readReply({ ok: false, error: { code: "X" } }, fallback)).toEqual({ ok: false, error: fallback });
  });

  it("declares the stream methods with their direction, apart from plain methods", () => {
    expect(Object.keys(streamMethods).sort()).toEqual([
      "dashboard.export",
      "dataFile.upload",
      "result.exportCsv",
    ]);
    expect(isDownloadMethod("result.exportCsv") && isDownloadMethod("dashboard.export")).toBe(true);
    expect(isUploadMethod("dataFile.upload") && !isUploadMethod("result.exportCsv")).toBe(true);
    expect(isDownloadMethod("service.info") || isDownloadMethod("toString")).toBe(false);
    for (const name of Object.keys(streamMethods)) expect(Object.hasOwn(methods, name)).toBe(false);
    expect(streamMethods["result.exportCsv"].params.safeParse({ resultId: "../x" }).success).toBe(false);
  });

  it("bounds the chunk an IPC stream message carries", () => {
    const write = (bytes: number) => ({ op: "write", streamId: "s1", chunk: new Uint8Array(bytes) });
    expect(StreamRequestSchema.safeParse(write(1024 * 1024)).success).toBe(true);
    expect(StreamRequestSchema.safeParse(write(1024 * 1024 + 1)).success).toBe(false);
    expect(StreamRequestSchema.safeParse({ op: "write", streamId: "s1", chunk: "text" }).success).toBe(false);
  });

  it("rejects unknown event kinds", () => {
    expect(ServiceEventSchema.safeParse({ type: "run.exploded", runId: "r" }).success).toBe(false);
  });

  it("turns any thrown value into the error shape", () => {
    const known = new LakebookError("SQL_CATALOG", "Table trusted.movies does not exist", {
      hint: "Run the transform cell that creates it.",
    });
    expect(toServiceError(known)).toEqual({
      code: "SQL_CATALOG",
      message: "Table trusted.movies does not exist",
      hint: "Run the transform cell that creates it.",
      retryable: false,
    });
    expect(toServiceError(new Error("boom"))).toEqual({
      code: "INTERNAL",
      message: "boom",
      retryable: false,
    });
  });
});
