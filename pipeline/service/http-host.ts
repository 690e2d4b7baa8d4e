import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { LakebookError, type MethodName, methods, toServiceError } from "../contract";
import { checkAccess, TOKEN_COOKIE, tokenFrom } from "./access-policy";
import type { ServiceRouter } from "./router";
import { sendStaticFile } from "./static-files";

export interface HttpHostOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  token?: string;
  /** The page served at `/` once the token checks out, when there is no built UI. */
  page: () => Promise<string>;
  /** The built UI (`renderer/dist`): `index.html` at `/`, its files below. */
  staticDir?: string | undefined;
  /** Streams a kept query result as CSV, for `GET /results/<id>.csv`. */
  resultCsv?: (resultId: string, response: ServerResponse) => Promise<void>;
  /** Receives a file chosen in the browser, for `PUT /data/<file name>` (see data-upload.ts). */
  dataUpload?: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;
  /** The notebook's charts as one HTML file, for `GET /dashboard.html` (see export-dashboard.ts). */
  dashboardHtml?: () => Promise<{ html: string; fileName: string }>;
}

/** Monaco injects styles and runs workers from blobs; nothing else is loosened. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; " +
  "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws:";

export interface HttpHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * The service on loopback HTTP for the browser, tests and the CLI: `POST /rpc/<method>` with JSON
 * params, events on the `/events` WebSocket. Binds 127.0.0.1 only; every request and the socket
 * upgrade must carry the token and pass the Host and Origin checks.
 */
export async function startHttpHost(router: ServiceRouter, options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString("base64url");
  let port = 0;
  const sockets = new WebSocketServer({ noServer: true });
  sockets.on("error", () => undefined);

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      const serviceError = toServiceError(error);
      // Mid-stream (a CSV export), the status line is gone: cutting the connection is the only signal left.
      if (response.headersSent) response.destroy();
      else sendJson(response, statusFor(serviceError.code), { ok: false, error: serviceError });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const decision = checkAccess(accessOf(request, url), port, token);
    if (!decision.ok) {
      sendJson(response, decision.status, {
        ok: false,
        error: {
          code: decision.status === 401 ? "UNAUTHORIZED" : "FORBIDDEN",
          message: decision.reason,
          retryable: false,
        },
      });
      return;
    }
    if (request.method === "GET" && url.pathname === "/") {
      // The cookie lets the page's own later requests authenticate without the token in every URL.
      response.setHeader("Set-Cookie", `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      if (options.staticDir && (await sendStaticFile(options.staticDir, "index.html", response))) return;
      send(response, 200, "text/html; charset=utf-8", await options.page());
      return;
    }
    const csv = url.pathname.match(/^\/results\/([\w-]+)\.csv$/);
    if (csv?.[1] && request.method === "GET" && options.resultCsv) {
      await options.resultCsv(csv[1], response);
      return;
    }
    if (request.method === "GET" && url.pathname === "/dashboard.html" && options.dashboardHtml) {
      // Built before the status line, so a failed chart still answers as a JSON error the UI can show.
      const { html, fileName } = await options.dashboardHtml();
      response.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      response.end(html);
      return;
    }
    if (request.method === "PUT" && url.pathname.startsWith("/data/") && options.dataUpload) {
      await options.dataUpload(request, response, url);
      return;
    }
    if (
      request.method === "GET" &&
      options.staticDir &&
      (await sendStaticFile(options.staticDir, url.pathname, response))
    ) {
      return;
    }
    const rpc = url.pathname.match(/^\/rpc\/([\w.]+)$/);
    if (rpc && request.method === "POST") {
      const method = rpc[1] as MethodName;
      if (!Object.hasOwn(methods, method)) {
        sendJson(response, 404, {
          ok: false,
          error: toServiceError(new LakebookError("UNKNOWN_METHOD", `No method ${method}`)),
        });
        return;
      }
      try {
        const params = await readJson(request);
        sendJson(response, 200, { ok: true, result: await router.call(method, params) });
      } catch (error) {
        const serviceError = toServiceError(error);
        sendJson(response, statusFor(serviceError.code), { ok: false, error: serviceError });
      }
      return;
    }
    sendJson(response, 404, {
      ok: false,
      error: { code: "NOT_FOUND", message: `No route ${request.method} ${url.pathname}`, retryable: false },
    });
  }

  server.on("upgrade", (request, socket, head) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const decision = checkAccess(accessOf(request, url), port, token);
    if (!decision.ok || url.pathname !== "/events") {
      const status = decision.ok
        ? "404 Not Found"
        : decision.status === 401
          ? "401 Unauthorized"
          : "403 Forbidden";
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      const unsubscribe = router.subscribe((event) => ws.send(JSON.stringify(event)));
      ws.on("close", unsubscribe);
      // A malformed frame is that client's problem: drop it, never the service.
      ws.on("error", () => ws.terminate());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function accessOf(request: IncomingMessage, url: URL) {
  return {
    host: request.headers.host,
    origin: request.headers.origin,
    token: tokenFrom({ authorization: request.headers.authorization, cookie: request.headers.cookie }, url),
  };
}

function statusFor(code: string): number {
  if (code === "INVALID_PARAMS" || code === "INVALID_JSON") return 400;
  if (code.endsWith("NOT_FOUND")) return 404;
  if (code === "NOTEBOOK_CHANGED_ON_DISK") return 409;
  if (code === "INTERNAL") return 500;
  return 422;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new LakebookError("INVALID_JSON", "Request body is too large.");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new LakebookError("INVALID_JSON", "Request body is not valid JSON.");
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, "application/json; charset=utf-8", JSON.stringify(body));
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    "Content-Type": type,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(body);
}
