import { describe, expect, it } from "vitest";
import type { DesktopSaveRequest } from "../../../../pipeline/contract/desktop-api";
import { resolveTransport } from "../../../../renderer/src/service/client";
import { desktopApi, saveBlob } from "../../../../renderer/src/service/desktop";

function desktopWindow(answer: string | undefined) {
  const saved: [DesktopSaveRequest, number[]][] = [];
  const invoked: unknown[][] = [];
  const lakebook = {
    desktop: 1,
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, result: { tables: [] } };
    },
    on: () => () => undefined,
    onCommand: () => () => undefined,
    saveFile: async (request: DesktopSaveRequest, bytes: Uint8Array) => {
      saved.push([request, [...bytes]]);
      return answer;
    },
  };
  return {
    win: { lakebook, location: { href: "lakebook://app/index.html" } } as unknown as Window,
    saved,
    invoked,
  };
}

describe("the page's desktop API", () => {
  it("is the preload's object when it has the desktop API's shape, and the IPC transport is then chosen", async () => {
    const { win, invoked } = desktopWindow("/x");
    expect(desktopApi(win)).toBe((win as unknown as { lakebook: unknown }).lakebook);
    await resolveTransport(win).call("catalog.list", {});
    expect(invoked).toEqual([["lakebook:call", "catalog.list", {}]]);
    // A page global of another shape is not the preload's: the browser path stays.
    expect(desktopApi({ lakebook: { call: () => undefined } } as unknown as Window)).toBeUndefined();
    expect(desktopApi({} as Window)).toBeUndefined();
  });

  it("saves with the native Save dialog on the desktop, and says when it was cancelled", async () => {
    const downloads: string[] = [];
    const chosen = desktopWindow("/home/me/r.csv");
    const request = { kind: "csv", defaultName: "r.csv" } as const;
    await expect(
      saveBlob(new Blob(["a,b"]), request, (_b, n) => downloads.push(n), chosen.win),
    ).resolves.toBe(true);
    expect(chosen.saved).toEqual([[request, [...new TextEncoder().encode("a,b")]]]);
    const cancelled = desktopWindow(undefined);
    await expect(
      saveBlob(new Blob(["a"]), request, (_b, n) => downloads.push(n), cancelled.win),
    ).resolves.toBe(false);
    expect(downloads).toEqual([]);
  });

  it("downloads in a browser", async () => {
    const downloads: string[] = [];
    const request = { kind: "dashboard", defaultName: "d.html" } as const;
    await expect(
      saveBlob(new Blob(["<p>"]), request, (_b, n) => downloads.push(n), {} as Window),
    ).resolves.toBe(true);
    expect(downloads).toEqual(["d.html"]);
  });
});
