import { readFile } from "node:fs/promises";
import path from "node:path";
import { APP_HOST, APP_SCHEME, isAppUrl } from "./policy/web-policy";

/**
 * The page's CSP, the one `lakebook serve` sends, less `ws:` (events come over IPC here).
 * Monaco injects styles and runs workers from blobs; nothing else is loosened.
 */
export const APP_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; " +
  "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The scheme's privileges, registered before the app is ready: a standard, secure origin, so ES
 * module scripts and workers load as they do over https, and the page has an origin of its own
 * (a file:// page shares one with every file on the disk).
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".map": "application/json",
};

/**
 * The file a `lakebook://app/…` URL names inside the built UI, or undefined when the URL is not the
 * app's or would leave the folder (`..`, encoded slashes, a drive letter, a NUL byte).
 */
export function appFileFor(url: string, root: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (relative === "/" || relative === "") relative = "/index.html";
  if (relative.includes("\0") || relative.includes("\\") || /(^|\/)\.\.(\/|$)/.test(relative))
    return undefined;
  const file = path.resolve(root, `.${relative}`);
  return file.startsWith(path.resolve(root) + path.sep) ? file : undefined;
}

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** Pages the shell makes itself (the start and failure pages), served beside the built UI. */
export type ShellPages = () => ReadonlyMap<string, { body: string; type: string }>;

/**
 * Answers one request on the app's scheme: a shell page, or a file of the built UI, always with
 * the CSP; 404 for anything else. Used as the `protocol.handle` handler.
 */
export async function answerAppRequest(url: string, root: string, shellPages: ShellPages): Promise<Response> {
  const headers = {
    "Content-Security-Policy": APP_CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
  };
  const pathname = safePathname(url);
  const page = pathname ? shellPages().get(pathname) : undefined;
  if (page) return new Response(page.body, { headers: { ...headers, "Content-Type": page.type } });
  const file = appFileFor(url, root);
  if (!file) return new Response("Not found", { status: 404, headers });
  try {
    const body = await readFile(file);
    return new Response(body, { headers: { ...headers, "Content-Type": contentTypeFor(file) } });
  } catch {
    return new Response("Not found", { status: 404, headers });
  }
}

function safePathname(url: string): string | undefined {
  return isAppUrl(url) ? new URL(url).pathname : undefined;
}
