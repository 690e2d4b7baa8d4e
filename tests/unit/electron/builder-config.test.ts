import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = new URL("../../../", import.meta.url);
const require = createRequire(import.meta.url);

/** The check `electron-builder` itself runs on its configuration, against app-builder-lib's scheme.json. */
const { validateConfiguration } = require("app-builder-lib/out/util/config/config") as {
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require("builder-util") as { DebugLogger: new (enabled: boolean) => unknown };

async function builderConfig(): Promise<Record<string, unknown>> {
  return parse(await readFile(new URL("electron-builder.yml", root), "utf8")) as Record<string, unknown>;
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("the installers' configuration (electron-builder.yml)", () => {
  it("passes electron-builder's own schema check", async () => {
    await expect(
      validateConfiguration(await builderConfig(), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it("is refused by the same check when an option is misspelt (the check is real)", async () => {
    const config = { ...(await builderConfig()), linxu: { target: "deb" } };
    await expect(validateConfiguration(config, new DebugLogger(false))).rejects.toThrow(/linxu/);
  });

  it("builds AppImage and deb, dmg and nsis, and associates *.lakebook.md with the app", async () => {
    const config = (await builderConfig()) as {
      linux: { target: string[] };
      mac: { target: string };
      win: { target: string };
      nsis: { perMachine: boolean };
      fileAssociations: { ext: string }[];
      extraMetadata: { main: string };
    };
    expect(config.linux.target).toEqual(["AppImage", "deb"]);
    expect(config.mac.target).toBe("dmg");
    expect(config.win.target).toBe("nsis");
    expect(config.nsis.perMachine).toBe(true);
    expect(config.fileAssociations.map((association) => association.ext)).toEqual(["lakebook.md"]);
    const pkg = JSON.parse(await readFile(new URL("package.json", root), "utf8")) as { main: string };
    expect(config.extraMetadata.main).toBe(pkg.main);
  });

  it("points at real square PNG icons of the sizes electron-builder needs", async () => {
    const config = (await builderConfig()) as Record<string, { icon?: string }>;
    const sizes: Record<string, number> = { linux: 512, mac: 512, win: 256 };
    for (const [platform, size] of Object.entries(sizes)) {
      const icon = config[platform]?.icon ?? "";
      expect(pngSize(await readFile(new URL(icon, root)))).toEqual({ width: size, height: size });
    }
  });
});
