import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A TMDB stand-in for tests: wraps a handler (e.g. the offline sample's `OfflineTmdbApi.answer`)
 * on 127.0.0.1 and injects faults on demand. Faults are queued per path (`/movie/603`, without
 * the `/3` prefix or query) and consumed one per request; `"*"` matches any path.
 */
export type FakeTmdbFault =
  | { kind: "status"; status: number; retryAfter?: string }
  /** Holds the answer this long (meant to be beyond the client's timeout). */
  | { kind: "slow"; delayMs: number }
  /** A 200 whose JSON body is cut in half. */
  | { kind: "truncated" };

export type FakeTmdbHandler = (method: string, pathAndQuery: string) => { status: number; body: unknown };

export interface FakeTmdbOptions {
  handler: FakeTmdbHandler;
  /** When set, any other api_key (or none, without a matching token) gets 401. */
  apiKey?: string;
  /** When set, any other Bearer token (or none, without a matching key) gets 401. */
  readAccessToken?: string;
}

export interface FakeTmdb {
  /** Ends in `/3`, like TMDB's. */
  baseUrl: string;
  /** Queues faults for the next requests of `path` (or `"*"`). */
  inject(path: string, ...faults: FakeTmdbFault[]): void;
  /** Requests received for `path` (all paths when omitted). */
  count(path?: string): number;
  /** Every request as received, secrets included (to prove they were sent, not leaked). */
  received: { url: string; authorization: string | undefined }[];
  /** The most requests ever in flight at once. */
  maxInFlight(): number;
  stop(): Promise<void>;
}

function error(code: number, message: string) {
  return { status_code: code, status_message: message, success: false };
}

export async function startFakeTmdb(options: FakeTmdbOptions): Promise<FakeTmdb> {
  const faults = new Map<string, FakeTmdbFault[]>();
  const counts = new Map<string, number>();
  const received: FakeTmdb["received"] = [];
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;

  const send = (
    response: ServerResponse,
    status: number,
    text: string,
    headers: Record<string, string> = {},
  ) => {
    if (response.destroyed || response.writableEnded) return;
    response.writeHead(status, { "content-type": "application/json;charset=utf-8", ...headers });
    response.end(text);
  };

  const authorized = (request: IncomingMessage, url: URL): boolean => {
    if (options.apiKey === undefined && options.readAccessToken === undefined) return true;
    const key = url.searchParams.get("api_key");
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    return (
      (options.apiKey !== undefined && key === options.apiKey) ||
      (options.readAccessToken !== undefined && bearer === options.readAccessToken)
    );
  };

  const server = createServer((request, response) => {
    const raw = request.url ?? "/";
    const url = new URL(raw, "http://fake");
    const path = url.pathname.replace(/^\/3(?=\/)/, "");
    received.push({ url: raw, authorization: request.headers.authorization });
    counts.set(path, (counts.get(path) ?? 0) + 1);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on("close", () => inFlight--);

    if (!authorized(request, url)) {
      send(response, 401, JSON.stringify(error(7, "Invalid API key: You must be granted a valid key.")));
      return;
    }
    const fault = faults.get(path)?.shift() ?? faults.get("*")?.shift();
    const answer = () => options.handler(request.method ?? "GET", raw);
    if (!fault) {
      const { status, body } = answer();
      send(response, status, JSON.stringify(body));
    } else if (fault.kind === "status") {
      const code = fault.status === 429 ? 25 : fault.status >= 500 ? 11 : 0;
      const headers: Record<string, string> = fault.retryAfter ? { "retry-after": fault.retryAfter } : {};
      send(response, fault.status, JSON.stringify(error(code, `Injected ${fault.status}`)), headers);
    } else if (fault.kind === "truncated") {
      const text = JSON.stringify(answer().body);
      send(response, 200, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
    } else {
      const timer = setTimeout(() => {
        timers.delete(timer);
        const { status, body } = answer();
        send(response, status, JSON.stringify(body));
      }, fault.delayMs);
      timers.add(timer);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/3`,
    inject(path, ...more) {
      faults.set(path, [...(faults.get(path) ?? []), ...more]);
    },
    count(path) {
      if (path === undefined) return [...counts.values()].reduce((a, b) => a + b, 0);
      return counts.get(path) ?? 0;
    },
    received,
    maxInFlight: () => maxInFlight,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
