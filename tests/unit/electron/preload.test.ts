import { beforeAll, describe, expect, it, vi } from "vitest";
import { CHANNELS } from "../../../electron/channels";
import type { DesktopApi } from "../../../pipeline/contract/desktop-api";

/** A stand-in for the sandboxed preload's `electron`: what it exposes and what it sends. */
const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    listeners,
    emit(channel: string, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: "the IPC event" }, payload);
    },
  };
});

vi.mock("electron", () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      electron.invoked.push(args);
      return { ok: true, result: "answer" };
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      const set = electron.listeners.get(channel) ?? new Set();
      set.add(listener);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
      electron.listeners.get(channel)?.delete(listener),
  },
}));

let api: DesktopApi;
beforeAll(async () => {
  await import("../../../electron/preload");
  api = electron.exposed.get("lakebook") as DesktopApi;
});

describe("the preload", () => {
  it("exposes one object, window.lakebook, with the desktop API and nothing else", () => {
    expect([...electron.exposed.keys()]).toEqual(["lakebook"]);
    expect(Object.keys(api).sort()).toEqual(
      [
        "desktop",
        "call",
        "onEvent",
        "onCommand",
        "openNotebook",
        "newNotebook",
        "chooseSavePath",
        "revealInFolder",
        "showLogs",
      ].sort(),
    );
  });

  it("sends calls on the bridge's channel and hands back the reply as data", async () => {
    expect(await api.call("catalog.list", {})).toEqual({ ok: true, result: "answer" });
    await api.revealInFolder("/c/.lake");
    expect(electron.invoked).toEqual([
      [CHANNELS.call, "catalog.list", {}],
      [CHANNELS.revealInFolder, "/c/.lake"],
    ]);
  });

  it("passes events and commands on without the IPC event, and unsubscribes", () => {
    const events: unknown[][] = [];
    const stop = api.onEvent((...args) => events.push(args));
    const stopCommands = api.onCommand((...args) => events.push(args));
    electron.emit(CHANNELS.event, { type: "notebook.changed", path: "/x" });
    electron.emit(CHANNELS.command, "runAll");
    stop();
    stopCommands();
    electron.emit(CHANNELS.event, { type: "late" });
    expect(events).toEqual([[{ type: "notebook.changed", path: "/x" }], ["runAll"]]);
  });
});
