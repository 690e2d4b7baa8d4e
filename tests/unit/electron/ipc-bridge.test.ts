import { describe, expect, it } from "vitest";
import {
  CALL_CHANNEL,
  type CallReply,
  EVENT_CHANNEL,
  exposeRouterOverIpc,
  type IpcInvokeEventLike,
} from "../../../electron/ipc-bridge";
import { APP_START_URL } from "../../../electron/policy/web-policy";
import { LakebookError, type ServiceEvent } from "../../../pipeline/contract";
import type { ServiceRouter } from "../../../pipeline/service";

type Handler = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>;

function fakeIpc() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, listener: Handler) => void handlers.set(channel, listener),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

function fakeRouter(): ServiceRouter & { emit(event: ServiceEvent): void } {
  const listeners = new Set<(event: ServiceEvent) => void>();
  return {
    call: async (method: string) => {
      if (method === "catalog.list") return { tables: [] };
      throw new LakebookError("NO_NOTEBOOK", "No notebook is open", { hint: "Open one" });
    },
    download: async () => {
      throw new LakebookError("NOT_HERE", "no downloads in this test");
    },
    upload: async () => ({}),
    subscribe: (listener: (event: ServiceEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => undefined,
    emit: (event: ServiceEvent) => {
      for (const listener of listeners) listener(event);
    },
  } as unknown as ServiceRouter & { emit(event: ServiceEvent): void };
}

// The sender verdict is web-policy's (tested in policy/web-policy.test.ts): the app's page, main frame.
const fromApp = { senderFrame: { url: APP_START_URL, parent: null } };

describe("the router over Electron IPC", () => {
  it("answers calls from the app's own page and forwards events", async () => {
    const ipc = fakeIpc();
    const router = fakeRouter();
    const sent: unknown[] = [];
    exposeRouterOverIpc(ipc, router, { send: (channel, payload) => sent.push([channel, payload]) });
    const call = ipc.handlers.get(CALL_CHANNEL) as Handler;
    expect(await call(fromApp, "catalog.list", {})).toEqual({ ok: true, result: { tables: [] } });
    const failed = (await call(fromApp, "notebook.open", {})) as CallReply;
    expect(failed).toEqual({
      ok: false,
      error: { code: "NO_NOTEBOOK", message: "No notebook is open", hint: "Open one", retryable: false },
    });
    router.emit({ type: "notebook.changed", path: "/x.lakebook.md" });
    expect(sent).toEqual([[EVENT_CHANNEL, { type: "notebook.changed", path: "/x.lakebook.md" }]]);
  });

  it("refuses pages that are not the app, frames inside it and unknown methods", async () => {
    const ipc = fakeIpc();
    exposeRouterOverIpc(ipc, fakeRouter(), { send: () => undefined });
    const call = ipc.handlers.get(CALL_CHANNEL) as Handler;
    expect(
      await call({ senderFrame: { url: "https://evil.example/", parent: null } }, "catalog.list", {}),
    ).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(
      await call(
        { senderFrame: { url: "file:///opt/lakebook/renderer/index.html", parent: null } },
        "catalog.list",
        {},
      ),
    ).toMatchObject({
      error: { code: "FORBIDDEN" },
    });
    // An iframe inside the app's own page is not the app.
    expect(
      await call({ senderFrame: { url: APP_START_URL, parent: fromApp.senderFrame } }, "catalog.list", {}),
    ).toMatchObject({
      error: { code: "FORBIDDEN" },
    });
    expect(await call({ senderFrame: null }, "catalog.list", {})).toMatchObject({
      error: { code: "FORBIDDEN" },
    });
    expect(await call(fromApp, "fs.delete", {})).toMatchObject({ error: { code: "UNKNOWN_METHOD" } });
  });

  it("stops serving when disposed", () => {
    const ipc = fakeIpc();
    const dispose = exposeRouterOverIpc(ipc, fakeRouter(), { send: () => undefined });
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });
});
