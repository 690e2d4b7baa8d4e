import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Makes `folder` once, however many test processes ask for it at the same time: the first to take
 * the lock (`<folder>.lock`, a directory: `mkdir` either creates it or fails, atomically) builds
 * into a private sibling and renames it to `folder`, so nobody ever sees a half-built folder; the
 * others wait until `folder` is there. A lock whose process has died is taken over; a failed build
 * releases the lock, and its error is the caller's.
 */
export async function buildOnce(folder: string, build: (into: string) => Promise<void>): Promise<string> {
  const lock = `${folder}.lock`;
  for (;;) {
    if (await exists(folder)) return folder;
    if (await takeLock(lock)) {
      try {
        // Built while we waited for the lock, by a process that has since let it go.
        if (await exists(folder)) return folder;
        const building = `${folder}.building-${process.pid}`;
        await rm(building, { recursive: true, force: true });
        try {
          await build(building);
          await rename(building, folder);
        } catch (error) {
          await rm(building, { recursive: true, force: true });
          throw error;
        }
        return folder;
      } finally {
        await rm(lock, { recursive: true, force: true });
      }
    }
    if (await holderIsGone(lock)) await rm(lock, { recursive: true, force: true });
    else await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
}

/** How often a waiting process looks again: the build takes seconds, a look costs nothing. */
const WAIT_MS = 200;

async function takeLock(lock: string): Promise<boolean> {
  try {
    await mkdir(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  await writeFile(path.join(lock, "pid"), String(process.pid));
  return true;
}

/** The lock's process has exited (crashed, killed) without removing it. */
async function holderIsGone(lock: string): Promise<boolean> {
  const pid = Number(await readFile(path.join(lock, "pid"), "utf8").catch(() => ""));
  // No pid yet: the holder is between its mkdir and its write, unless that was long ago.
  if (!pid) {
    const made = await stat(lock).then(
      (s) => s.mtimeMs,
      () => Date.now(),
    );
    return Date.now() - made > 30_000;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
