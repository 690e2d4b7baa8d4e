import { beforeAll, describe, expect, it, vi } from "vitest";
import { CHANNELS } from "../../../electron/channels";
import type { DesktopApi } from "../../../pipeline/contract/desktop-api";
import { IPC_CHANNELS } from "../../../pipeline/contract/ipc";

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
        "invoke",
        "on",
        "onCommand",
        "openNotebook",
        "newNotebook",
        "saveFile",
        "revealInFolder",
        "showLogs",
        "setLanguage",
      ].sort(),
    );
  });

  it("sends calls and stream steps on the bridge's channels and hands back the reply as data", async () => {
    expect(await api.invoke(IPC_CHANNELS.call, "catalog.list", {})).toEqual({ ok: true, result: "answer" });
    const chunk = new Uint8Array([1, 2, 3]);
    await api.invoke(IPC_CHANNELS.stream, { op: "write", streamId: "s1", chunk });
    await api.revealInFolder("/c/.lake");
    await api.saveFile({ kind: "csv", defaultName: "r.csv" }, chunk);
    expect(electron.invoked).toEqual([
      [CHANNELS.call, "catalog.list", {}],
      [CHANNELS.stream, { op: "write", streamId: "s1", chunk }],
      [CHANNELS.revealInFolder, "/c/.lake"],
      [CHANNELS.saveFile, { kind: "csv", defaultName: "r.csv" }, chunk],
    ]);
  });

  it("lets the page invoke the service's channels only, and listen on its event channel only", async () => {
    electron.invoked.length = 0;
    await expect(api.invoke(CHANNELS.showLogs as never)).rejects.toThrow(/Not a service channel/);
    expect(() => api.on(CHANNELS.command as never, () => undefined)).toThrow(/event channel/);
    expect(electron.invoked).toEqual([]);
  });

  it("uses the contract's three service channels", () => {
    expect({ call: CHANNELS.call, stream: CHANNELS.stream, event: CHANNELS.event }).toEqual(IPC_CHANNELS);
  });

  it("passes events and commands on without the IPC event, and unsubscribes", () => {
    const events: unknown[][] = [];
    const stop = api.on(IPC_CHANNELS.event, (...args) => events.push(args));
    const stopCommands = api.onCommand((...args) => events.push(args));
    electron.emit(CHANNELS.event, { type: "notebook.changed", path: "/x" });
    electron.emit(CHANNELS.command, "runAll");
    stop();
    stopCommands();
    electron.emit(CHANNELS.event, { type: "late" });
    expect(events).toEqual([[{ type: "notebook.changed", path: "/x" }], ["runAll"]]);
  });
});
