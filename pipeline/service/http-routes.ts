import { LakebookError } from "../contract";

/**
 * The request target as a URL, or undefined when it is not one: Node's parser lets through targets
 * such as `/\\` (read as a host-less `//`), and a throw there would be a 500, or in an upgrade
 * handler an uncaught exception that stops the service.
 */
export function requestUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? "/", "http://127.0.0.1");
  } catch {
    return undefined;
  }
}

/** What an HTTP request asks of the dispatcher. */
export type HttpRoute =
  | { kind: "call"; method: string }
  | { kind: "download"; method: string; params: unknown }
  | { kind: "upload"; method: string; params: unknown };

/**
 * Maps a request onto a contract method (pure, so each mapping is tested). `/rpc/<method>`: POST
 * is a call with JSON params in the body; GET a download and PUT an upload, with JSON params in
 * `?params=` (the body is the bytes). The short URLs the UI has always used stay as aliases:
 * `GET /results/<id>.csv`, `GET /dashboard.html`, `PUT /data/<name>[?replace=1]`.
 * Throws INVALID_JSON for unreadable params; undefined when the request names no method.
 */
export function httpRoute(
  httpMethod: string | undefined,
  url: URL,
  contentLength: number | undefined,
): HttpRoute | undefined {
  const rpc = url.pathname.match(/^\/rpc\/([\w.]+)$/)?.[1];
  if (rpc && httpMethod === "POST") return { kind: "call", method: rpc };
  if (rpc && httpMethod === "GET") return { kind: "download", method: rpc, params: queryParams(url) };
  if (rpc && httpMethod === "PUT") return { kind: "upload", method: rpc, params: queryParams(url) };
  if (httpMethod === "GET") {
    const resultId = url.pathname.match(/^\/results\/([\w-]+)\.csv$/)?.[1];
    if (resultId) return { kind: "download", method: "result.exportCsv", params: { resultId } };
    if (url.pathname === "/dashboard.html")
      return { kind: "download", method: "dashboard.export", params: {} };
  }
  if (httpMethod === "PUT" && url.pathname.startsWith("/data/")) {
    return {
      kind: "upload",
      method: "dataFile.upload",
      params: {
        name: decodedName(url.pathname.slice("/data/".length)),
        ...(url.searchParams.get("replace") === "1" ? { replace: true } : {}),
        ...(contentLength !== undefined ? { bytes: contentLength } : {}),
      },
    };
  }
  return undefined;
}

function queryParams(url: URL): unknown {
  const text = url.searchParams.get("params");
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new LakebookError("INVALID_JSON", "The params query parameter is not valid JSON.");
  }
}

/** A malformed escape names no file: "" is refused by the upload's own name rules. */
function decodedName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return "";
  }
}

const UPLOAD_REFUSED: Record<string, number> = {
  DATA_FILE_NAME_INVALID: 400,
  DATA_UPLOAD_INCOMPLETE: 400,
  DATA_FILE_EXISTS: 409,
  DATA_PATH_NOT_A_FILE: 409,
  // No notebook, no data folder: the service's state is what conflicts, not the request.
  NO_NOTEBOOK: 409,
  DATA_FILE_TOO_LARGE: 413,
};

/** The HTTP status of an error reply; the body carries the code, which is what clients read. */
export function statusFor(code: string, kind: HttpRoute["kind"]): number {
  if (kind === "upload" && UPLOAD_REFUSED[code]) return UPLOAD_REFUSED[code];
  if (code === "INVALID_PARAMS" || code === "INVALID_JSON") return 400;
  if (code === "REQUEST_TOO_LARGE") return 413;
  if (code === "UNKNOWN_METHOD" || code.endsWith("NOT_FOUND")) return 404;
  if (code === "NOTEBOOK_CHANGED_ON_DISK") return 409;
  if (code === "INTERNAL") return 500;
  return 422;
}
