import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { errorReply, type ServiceReply } from "../contract";
import { checkAccess, TOKEN_COOKIE, tokenFrom } from "./access-policy";
import { createDispatcher, type ServiceDispatcher } from "./dispatcher";
import { dropRestOfBody, readJson } from "./http-body";
import { httpRoute, requestUrl, statusFor } from "./http-routes";
import { sendDownload, sendJson, sendText } from "./http-send";
import { publicError } from "./public-error";
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

/**
 * The service on loopback HTTP for the browser, tests and the CLI: every contract method through
 * the dispatcher (`POST /rpc/<method>`, stream methods as GET/PUT bodies, see http-routes.ts),
 * events on the `/events` WebSocket. Binds 127.0.0.1 only; every request and the socket upgrade
 * must carry the token and pass the Host and Origin checks.
 */
export async function startHttpHost(router: ServiceRouter, options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString("base64url");
  const dispatcher = createDispatcher(router);
  let port = 0;
  const sockets = new WebSocketServer({ noServer: true });
  sockets.on("error", () => undefined);

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      // Mid-stream (a CSV export), the status line is gone: cutting the connection is the only signal left.
      if (response.headersSent) response.destroy();
      else sendJson(response, 500, errorReply(publicError(error)));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = requestUrl(request.url);
    if (!url) {
      const message = "The request target is not a valid URL path.";
      sendJson(response, 400, errorReply({ code: "BAD_REQUEST", message, retryable: false }));
      return;
    }
    const decision = checkAccess(accessOf(request, url), port, token);
    if (!decision.ok) {
      const code = decision.status === 401 ? "UNAUTHORIZED" : "FORBIDDEN";
      sendJson(response, decision.status, errorReply({ code, message: decision.reason, retryable: false }));
      return;
    }
    if (request.method === "GET" && url.pathname === "/") {
      // The cookie lets the page's own later requests authenticate without the token in every URL.
      response.setHeader("Set-Cookie", `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      if (options.staticDir && (await sendStaticFile(options.staticDir, "index.html", response))) return;
      sendText(response, 200, "text/html; charset=utf-8", await options.page());
      return;
    }
    let route: ReturnType<typeof httpRoute>;
    try {
      route = httpRoute(request.method, url, declaredLength(request));
    } catch (error) {
      sendJson(response, 400, errorReply(publicError(error)));
      return;
    }
    if (route?.kind === "call") {
      let reply: ServiceReply;
      try {
        reply = await dispatcher.call(route.method, await readJson(request, declaredLength(request)));
      } catch (error) {
        reply = errorReply(publicError(error));
      }
      sendJson(response, reply.ok ? 200 : statusFor(reply.error.code, "call"), reply);
      dropRestOfBody(request);
      return;
    }
    if (route?.kind === "download") {
      const reply = await dispatcher.openDownload(route.method, route.params);
      await sendDownload(response, reply);
      return;
    }
    if (route?.kind === "upload") {
      await receiveUpload(dispatcher, route.method, route.params, request, response);
      return;
    }
    if (
      request.method === "GET" &&
      options.staticDir &&
      (await sendStaticFile(options.staticDir, url.pathname, response))
    ) {
      return;
    }
    sendJson(
      response,
      404,
      errorReply({
        code: "NOT_FOUND",
        message: `No route ${request.method} ${url.pathname}`,
        retryable: false,
      }),
    );
  }

  server.on("upgrade", (request, socket, head) => {
    const url = requestUrl(request.url);
    if (!url) {
      socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
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
      const unsubscribe = dispatcher.subscribe((event) => ws.send(JSON.stringify(event)));
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

/**
 * The request body is the upload's bytes, streamed into the dispatcher. A refused upload is
 * answered while its body may still be arriving: the rest is read and dropped (not buffered) so the
 * client sees the answer instead of a reset, within a budget after which the connection is cut
 * (the rest may be endless); a client that broke off gets nothing.
 */
async function receiveUpload(
  dispatcher: ServiceDispatcher,
  method: string,
  params: unknown,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  // Stopping early (a refusal) must not destroy the request: the answer still goes out on its socket.
  const body = request.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>;
  const reply = await dispatcher.acceptUpload(method, params, body);
  if (reply.ok) {
    // A new file is Created; one replaced, or already there byte for byte, is plain OK.
    const result = reply.result as { replaced?: boolean; unchanged?: boolean } | null;
    sendJson(response, result?.replaced || result?.unchanged ? 200 : 201, reply);
    return;
  }
  if (request.destroyed && !request.complete) {
    response.destroy();
    return;
  }
  sendJson(response, statusFor(reply.error.code, "upload"), reply);
  dropRestOfBody(request);
}

function accessOf(request: IncomingMessage, url: URL) {
  return {
    host: request.headers.host,
    origin: request.headers.origin,
    token: tokenFrom({ authorization: request.headers.authorization, cookie: request.headers.cookie }, url),
  };
}

function declaredLength(request: IncomingMessage): number | undefined {
  const header = request.headers["content-length"];
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
}
