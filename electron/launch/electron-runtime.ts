import { existsSync } from "node:fs";
import { createRequire } from "node:module";

export type ElectronRuntime = { found: true; executable: string } | { found: false; reason: string };

/**
 * The Electron binary `npm start` can launch, if this machine has one. The `electron` package is
 * always installed (its types compile the shell), but its binary only after its download ran:
 * `npm ci` never downloads it (package.json's allowScripts), `npm run desktop:runtime` does.
 */
export function findElectronRuntime(
  resolveElectron: () => unknown = () => createRequire(import.meta.url)("electron"),
  exists: (file: string) => boolean = existsSync,
): ElectronRuntime {
  let executable: unknown;
  try {
    // The package's main export is the binary's path; it throws when the binary was never fetched.
    executable = resolveElectron();
  } catch (error) {
    return { found: false, reason: firstLine(error) };
  }
  if (typeof executable !== "string" || !exists(executable)) {
    return { found: false, reason: `no Electron binary at ${String(executable)}` };
  }
  return { found: true, executable };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
