import type { ServiceError } from "../../../pipeline/contract";
import { cancelled, resultOf, type Transport } from "./transport";
import { xhrUpload } from "./xhr-upload";

type SocketLike = {
  addEventListener(type: "message" | "open", listener: (event: { data?: unknown }) => void): void;
  close(): void;
};

export interface HttpTransportOptions {
  /** e.g. `http://127.0.0.1:4123`; the page's own origin in the browser. */
  baseUrl: string;
  token: string;
  /** The WebSocket constructor; the browser's by default, injectable for tests. */
  openSocket?: (url: string) => SocketLike;
}

/**
 * Browser mode: `POST /rpc/<method>` with the token header; stream methods as `GET` (download) and
 * `PUT` (upload) bodies on `/rpc/<method>?params=<json>`; events from the `/events` socket.
 */
export function httpTransport(options: HttpTransportOptions): Transport {
  const listeners = new Set<(event: unknown) => void>();
  let socket: SocketLike | undefined;
  let connected: Promise<void> | undefined;
  const auth: Record<string, string> = options.token ? { Authorization: `Bearer ${options.token}` } : {};
  const rpcUrl = (method: string, params?: unknown) => {
    const url = new URL(`/rpc/${method}`, options.baseUrl);
    if (params !== undefined) url.searchParams.set("params", JSON.stringify(params));
    return url;
  };
  // One socket for the page's lifetime: reconnecting per listener would drop events in between.
  const connect = (): Promise<void> => {
    if (connected) return connected;
    const url = new URL("/events", options.baseUrl);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    // Without a token in the page URL the session cookie (same origin) authenticates the upgrade.
    if (options.token) url.searchParams.set("token", options.token);
    const open = options.openSocket ?? ((u: string) => new WebSocket(u));
    const opened = open(url.toString());
    socket = opened;
    connected = new Promise((resolve) => opened.addEventListener("open", () => resolve()));
    opened.addEventListener("message", (message) => {
      const event: unknown = JSON.parse(String(message.data));
      for (const listener of listeners) listener(event);
    });
    return connected;
  };
  return {
    async call(method, params) {
      const response = await fetch(rpcUrl(method), {
        method: "POST",
        headers: { "Content-Type": "application/json", ...auth },
        body: JSON.stringify(params ?? {}),
      });
      return resultOf(await response.json().catch(() => undefined), noAnswer(response));
    },
    async download(method, params, { signal } = {}) {
      const response = await fetch(rpcUrl(method, params ?? {}), {
        headers: auth,
        ...(signal ? { signal } : {}),
      }).catch((error: unknown) => {
        throw signal?.aborted ? cancelled("download") : error;
      });
      if (!response.ok) resultOf(await response.json().catch(() => undefined), noAnswer(response));
      const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1];
      return { blob: await response.blob(), fileName: name ?? "download" };
    },
    async upload(method, params, file, uploadOptions = {}) {
      const url = rpcUrl(method, params ?? {}).toString();
      // XMLHttpRequest where there is one: it reports upload progress, and a Blob body streams from disk.
      if (typeof XMLHttpRequest !== "undefined") return xhrUpload(url, options.token, file, uploadOptions);
      const response = await fetch(url, {
        method: "PUT",
        headers: { "Content-Type": "application/octet-stream", ...auth },
        body: file,
        ...(uploadOptions.signal ? { signal: uploadOptions.signal } : {}),
      });
      uploadOptions.onProgress?.(file.size, file.size);
      return resultOf(await response.json().catch(() => undefined), noAnswer(response));
    },
    onEvent(listener) {
      void connect();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenConnected: () => connect(),
    close() {
      socket?.close();
      socket = undefined;
      connected = undefined;
    },
  };
}

function noAnswer(response: Response): ServiceError {
  return { code: `HTTP_${response.status}`, message: response.statusText || "No answer", retryable: true };
}
