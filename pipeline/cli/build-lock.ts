import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** A lock folder whose owner never wrote its pid within this long was left by a crash. */
const UNCLAIMED_MS = 10_000;

/**
 * Runs `work` while holding the UI-build lock of the checkout at `root`, waiting for another
 * `lakebook` process that holds it. A folder is the lock because creating one is atomic; it lives in
 * the temp folder because Vite empties `renderer/dist` on every build. A lock whose process has died
 * is taken over, so a killed build never blocks the next one.
 */
export async function withBuildLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const lock = buildLockPath(root);
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (abandoned(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!told) process.stderr.write("lakebook: another lakebook is building the UI; waiting for it …\n");
      told = true;
      await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** One lock per checkout: two checkouts build their own UIs side by side. */
export function buildLockPath(root: string): string {
  const id = createHash("sha256").update(path.resolve(root)).digest("hex").slice(0, 16);
  return path.join(tmpdir(), `lakebook-ui-build-${id}`);
}

function abandoned(lock: string): boolean {
  let pid = Number.NaN;
  try {
    pid = Number(readFileSync(path.join(lock, "pid"), "utf8"));
  } catch {
    // Between its mkdir and its write the owner is alive but has no pid yet; a crash there leaves none.
  }
  if (!Number.isInteger(pid) || pid <= 0) {
    try {
      return Date.now() - statSync(lock).mtimeMs > UNCLAIMED_MS;
    } catch {
      return true;
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — alive.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
