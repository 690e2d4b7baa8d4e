import type { MethodName } from "../../../pipeline/contract";
import { ServiceCallError, type Transport } from "./transport";
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

/** Browser mode: `POST /rpc/<method>` with the token header, events from the `/events` socket. */
export function httpTransport(options: HttpTransportOptions): Transport {
  const listeners = new Set<(event: unknown) => void>();
  let socket: SocketLike | undefined;
  let connected: Promise<void> | undefined;
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
    async call(method: MethodName, params: unknown) {
      const headers: Record<string, string> = { "Content-Type": "application/json" };
      if (options.token) headers.Authorization = `Bearer ${options.token}`;
      const response = await fetch(new URL(`/rpc/${method}`, options.baseUrl), {
        method: "POST",
        headers,
        body: JSON.stringify(params ?? {}),
      });
      const body = (await response.json().catch(() => noAnswer(response))) as
        | { ok: true; result: unknown }
        | ErrorBody;
      if (!body.ok) throw callError(body);
      return body.result;
    },
    onEvent(listener) {
      void connect();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenConnected: () => connect(),
    async dashboardHtml() {
      const headers: Record<string, string> = options.token
        ? { Authorization: `Bearer ${options.token}` }
        : {};
      const response = await fetch(new URL("/dashboard.html", options.baseUrl), { headers });
      if (!response.ok) throw callError((await response.json().catch(() => noAnswer(response))) as ErrorBody);
      const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1];
      return { html: await response.blob(), fileName: name ?? "dashboard.html" };
    },
    resultCsvUrl: (resultId) =>
      new URL(`/results/${encodeURIComponent(resultId)}.csv`, options.baseUrl).toString(),
    // XMLHttpRequest, not fetch: it reports upload progress, and a Blob body streams from disk.
    ...(typeof XMLHttpRequest === "undefined"
      ? {}
      : {
          uploadDataFile: (upload) => {
            const url = new URL(`/data/${encodeURIComponent(upload.name)}`, options.baseUrl);
            if (upload.replace) url.searchParams.set("replace", "1");
            return xhrUpload(url.toString(), options.token, upload);
          },
        }),
    close() {
      socket?.close();
      socket = undefined;
      connected = undefined;
    },
  };
}

type ErrorBody = { ok: false; error: { code: string; message: string; hint?: string; retryable: boolean } };

function noAnswer(response: Response): ErrorBody {
  return {
    ok: false,
    error: { code: `HTTP_${response.status}`, message: response.statusText || "No answer", retryable: true },
  };
}

const callError = ({ error }: ErrorBody) =>
  new ServiceCallError(error.code, error.message, error.hint, error.retryable);
