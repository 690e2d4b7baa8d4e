import { describe, expect, it } from "vitest";
import { findElectronRuntime } from "../../../../electron/launch/electron-runtime";
import { planStart, RUNTIME_MISSING_NOTICE } from "../../../../electron/launch/start-plan";

const installed = { found: true, executable: "/repo/node_modules/electron/dist/electron" } as const;
const missing = { found: false, reason: "Electron failed to install correctly" } as const;

describe("npm start", () => {
  it("launches the desktop app on the demo project where the runtime is installed", () => {
    expect(planStart([], installed)).toEqual({
      kind: "desktop",
      executable: installed.executable,
      demoDir: "demo",
    });
    expect(planStart(["course"], installed)).toMatchObject({ kind: "desktop", demoDir: "course" });
  });

  it("serves the workbench to the browser, with the same flags, where it is not — and says why in one line", () => {
    expect(planStart(["course", "--port", "8080"], missing)).toEqual({
      kind: "browser",
      cliArgs: ["start", "course", "--port", "8080"],
      notice: RUNTIME_MISSING_NOTICE,
    });
    expect(RUNTIME_MISSING_NOTICE).not.toContain("\n");
    expect(RUNTIME_MISSING_NOTICE).toContain("npm run desktop:runtime");
  });

  it("serves to the browser when asked to, runtime or not", () => {
    expect(planStart(["--browser"], installed)).toEqual({ kind: "browser", cliArgs: ["start"] });
    expect(planStart(["--no-open"], installed)).toEqual({ kind: "browser", cliArgs: ["start", "--no-open"] });
    expect(planStart(["--port=9000"], installed)).toEqual({
      kind: "browser",
      cliArgs: ["start", "--port=9000"],
    });
  });
});

describe("finding the Electron runtime", () => {
  it("is the path the electron package gives, when that file exists", () => {
    expect(
      findElectronRuntime(
        () => "/e/electron",
        () => true,
      ),
    ).toEqual({ found: true, executable: "/e/electron" });
    expect(
      findElectronRuntime(
        () => "/e/electron",
        () => false,
      ),
    ).toMatchObject({ found: false });
  });

  it("is missing when the package says its binary was never downloaded", () => {
    const runtime = findElectronRuntime(() => {
      throw new Error(
        "Electron failed to install correctly, please delete node_modules/electron\nand try again",
      );
    });
    expect(runtime).toEqual({
      found: false,
      reason: "Electron failed to install correctly, please delete node_modules/electron",
    });
  });
});
