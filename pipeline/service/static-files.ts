import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
};

/** Serves a file of the built UI; never a path outside `root`. Returns false when there is none. */
export async function sendStaticFile(
  root: string,
  urlPath: string,
  response: ServerResponse,
): Promise<boolean> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath).replace(/^\/+/, "");
  } catch {
    return false; // a malformed escape names no file of ours
  }
  const file = path.resolve(root, relative);
  if (!inside(root, file)) return false;
  // A symlink inside the UI folder (a folder or a file) must not lead out of it.
  const real = await realpath(file).catch(() => undefined);
  const realRoot = await realpath(root).catch(() => undefined);
  if (!real || !realRoot || !inside(realRoot, real)) return false;
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) return false;
  response.writeHead(200, {
    "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "Content-Length": info.size,
    "Cache-Control": relative.startsWith("assets/") ? "max-age=31536000, immutable" : "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  // pipeline() also closes the file when the browser goes away mid-download.
  await pipeline(createReadStream(real), response).catch(() => undefined);
  return true;
}

function inside(root: string, file: string): boolean {
  return file === root || file.startsWith(`${root}${path.sep}`);
}
