import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LakebookError } from "../contract";
import { withBuildLock } from "./build-lock";

/** The checkout this CLI runs from: the UI's sources and its build (`renderer/dist`) live in it. */
export const LAKEBOOK_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * What the UI bundle is made of: the renderer, the two pipeline rooms it imports (its tsconfig
 * includes exactly these), and what npm last installed. Markdown is documentation, never bundled.
 */
const UI_SOURCES = ["renderer", "pipeline/contract", "pipeline/document", "node_modules/.package-lock.json"];
const BUILT_INDEX = "renderer/dist/index.html";

export type BuiltUiState =
  | { state: "fresh" }
  | { state: "missing" }
  | { state: "stale"; newerSource: string };

/**
 * Is `renderer/dist` missing, or older than its sources? Decided by modification times: the newest
 * source file against `index.html`, which Vite rewrites on every build. Why times and not a content
 * hash in a stamp file: a stamp must be written by every way the UI gets built (`npm run build:ui`,
 * `npm start`, the bench, CI), and the Vite config is the renderer's; `index.html` is already that
 * stamp. Times err on the side of building: git writes every file it changes with the current time,
 * so a pull, a branch switch or an `npm ci` always looks newer. The check is one stat per file (a few
 * hundred, milliseconds). Its blind spot is a source put back with an older time (`cp -p`, an
 * archive); `npm run build:ui` rebuilds by hand.
 */
export function builtUiState(root: string = LAKEBOOK_ROOT): BuiltUiState {
  const index = path.join(root, BUILT_INDEX);
  if (!existsSync(index)) return { state: "missing" };
  const builtAt = statSync(index).mtimeMs;
  for (const source of UI_SOURCES) {
    for (const file of sourceFiles(root, source)) {
      if (statSync(file).mtimeMs > builtAt) return { state: "stale", newerSource: path.relative(root, file) };
    }
  }
  return { state: "fresh" };
}

function sourceFiles(root: string, source: string): string[] {
  const full = path.join(root, source);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith(".md"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.startsWith(path.join(root, "renderer", "dist") + path.sep));
}

/**
 * The built workbench UI's folder, building it first when it is missing or stale, so `serve` and
 * `start` never show anything but the current workbench. Progress goes to stderr: stdout's first
 * line is the URL. Refuses with what to run when the UI cannot be built here.
 */
export async function ensureBuiltUi(root: string = LAKEBOOK_ROOT): Promise<string> {
  const dist = path.join(root, "renderer", "dist");
  if (builtUiState(root).state === "fresh") return dist;
  const vite = viteCli(root);
  if (!vite) {
    throw new LakebookError(
      "UI_NOT_BUILT",
      "The workbench UI is not built or out of date, and Vite is not installed to build it: run `npm ci && npm run build:ui`.",
    );
  }
  // Several `lakebook serve` started at once (tests, two terminals) build once, one after another.
  await withBuildLock(root, async () => {
    const state = builtUiState(root);
    if (state.state === "fresh") return;
    process.stderr.write(
      state.state === "stale"
        ? `lakebook: the workbench UI is older than ${state.newerSource}; building it (npm run build:ui) …\n`
        : "lakebook: the workbench UI is not built yet; building it once (npm run build:ui) …\n",
    );
    const code = await runVite(root, vite);
    if (code !== 0) {
      throw new LakebookError(
        "UI_BUILD_FAILED",
        "Building the workbench UI failed (Vite's errors are above): fix them, then run `npm run build:ui`.",
      );
    }
  });
  return dist;
}

/** Vite's own CLI script, run with this Node; undefined where dev dependencies were not installed. */
function viteCli(root: string): string | undefined {
  try {
    const manifest = createRequire(path.join(root, "package.json")).resolve("vite/package.json");
    return path.join(path.dirname(manifest), "bin", "vite.js");
  } catch {
    return undefined;
  }
}

/** `npm run build:ui` without npm (not on every PATH), its output on our stderr. */
function runVite(root: string, vite: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [vite, "build", "--config", "renderer/vite.config.ts", "--logLevel", "warn"],
      { cwd: root, stdio: ["ignore", process.stderr, process.stderr] },
    );
    child.on("error", () => resolve(1));
    child.on("close", (code) => resolve(code ?? 1));
  });
}
