import { describe, expect, it } from "vitest";
import { CHANNELS } from "../../../electron/channels";
import { type NativeActionsIpc, saveFilters, serveNativeActions } from "../../../electron/native-actions";
import { APP_START_URL, type IpcSender } from "../../../electron/policy/web-policy";
import { SERVICE_CHANNELS } from "../../../electron/service-bridge";

type Listener = (sender: IpcSender | null, ...args: unknown[]) => Promise<unknown>;

function serve() {
  const handlers = new Map<string, Listener>();
  const ipc: NativeActionsIpc = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const done: unknown[][] = [];
  const stop = serveNativeActions(ipc, {
    openNotebook: async (file) => void done.push(["open", file]),
    newNotebook: async () => void done.push(["new"]),
    saveFile: async (request, bytes) => {
      done.push(["save", request, [...bytes]]);
      return "/c/x.csv";
    },
    revealInFolder: async (file) => void done.push(["reveal", file]),
    showLogs: async () => void done.push(["logs"]),
    setLanguage: async (locale) => void done.push(["language", locale]),
  });
  const call = (channel: string, sender: IpcSender | null, ...args: unknown[]) =>
    (handlers.get(channel) as Listener)(sender, ...args);
  return { handlers, done, stop, call };
}

const app: IpcSender = { url: APP_START_URL, isMainFrame: true };

describe("the preload's native actions in the main process", () => {
  it("performs them for the app's own page", async () => {
    const { call, done } = serve();
    await call(CHANNELS.openNotebook, app);
    await call(CHANNELS.openNotebook, app, "/c/h.lakebook.md");
    await call(CHANNELS.newNotebook, app);
    expect(
      await call(CHANNELS.saveFile, app, { kind: "csv", defaultName: "result.csv" }, new Uint8Array([1, 2])),
    ).toBe("/c/x.csv");
    await call(CHANNELS.revealInFolder, app, "/c/.lake/./Raw");
    await call(CHANNELS.showLogs, app);
    await call(CHANNELS.setLanguage, app, "pt-BR");
    expect(done).toEqual([
      ["open", undefined],
      ["open", "/c/h.lakebook.md"],
      ["new"],
      ["save", { kind: "csv", defaultName: "result.csv" }, [1, 2]],
      ["reveal", "/c/.lake/Raw"],
      ["logs"],
      ["language", "pt-BR"],
    ]);
  });

  it("refuses any other page, and frames inside the app's page", async () => {
    const { call, done } = serve();
    await expect(
      call(CHANNELS.showLogs, { url: "https://evil.example/", isMainFrame: true }),
    ).rejects.toThrow(/Refused/);
    await expect(call(CHANNELS.showLogs, { url: APP_START_URL, isMainFrame: false })).rejects.toThrow(
      /Refused/,
    );
    await expect(call(CHANNELS.showLogs, null)).rejects.toThrow(/Refused/);
    expect(done).toEqual([]);
  });

  it("checks every argument before it reaches the disk", async () => {
    const { call, done } = serve();
    await expect(call(CHANNELS.openNotebook, app, "relative.lakebook.md")).rejects.toThrow(/absolute/);
    await expect(call(CHANNELS.openNotebook, app, "/etc/passwd")).rejects.toThrow(/lakebook\.md/);
    await expect(call(CHANNELS.revealInFolder, app, 42)).rejects.toThrow(/absolute/);
    await expect(call(CHANNELS.setLanguage, app, "fr")).rejects.toThrow(/language/);
    await expect(call(CHANNELS.setLanguage, app, { toString: () => "en" })).rejects.toThrow(/language/);
    await expect(call(CHANNELS.saveFile, app, { kind: "exe", defaultName: "x" })).rejects.toThrow(/kind/);
    await expect(call(CHANNELS.saveFile, app, { kind: "csv", defaultName: "../../.bashrc" })).rejects.toThrow(
      /plain name/,
    );
    await expect(call(CHANNELS.saveFile, app, { kind: "csv", defaultName: "x.csv" }, "text")).rejects.toThrow(
      /bytes/,
    );
    expect(done).toEqual([]);
  });

  it("stops serving when disposed, and uses the bridge's call and event channels", () => {
    const { handlers, stop } = serve();
    stop();
    expect(handlers.size).toBe(0);
    expect({ call: CHANNELS.call, stream: CHANNELS.stream, event: CHANNELS.event }).toEqual(SERVICE_CHANNELS);
    expect(saveFilters("notebook")).toEqual([{ name: "Lakebook notebook", extensions: ["lakebook.md"] }]);
  });
});
