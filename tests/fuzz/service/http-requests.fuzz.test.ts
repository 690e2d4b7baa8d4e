import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { methods, streamMethods } from "../../../pipeline/contract";
import {
  createRouter,
  type HttpHost,
  openWorkspace,
  startHttpHost,
  statusPage,
  type Workspace,
} from "../../../pipeline/service";
import { fuzzed } from "../settings";

/**
 * The loopback host reads requests from anything on the machine. Arbitrary methods, paths, query
 * strings, headers and bodies, sent as raw bytes: every request gets a well-formed answer (a JSON
 * reply with a code when it is an error), no answer is a 500 or quotes a stack frame or a file path
 * of the service, and the host keeps serving afterwards.
 */
const ANSWER_WITHIN_MS = 10_000;
const CONTRACT_METHODS = [...Object.keys(methods), ...Object.keys(streamMethods)];

let dir: string;
let workspace: Workspace;
let host: HttpHost;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "lakebook-http-fuzz-"));
  await mkdir(path.join(dir, "data"));
  await writeFile(path.join(dir, "data", "small.csv"), "a,b\n1,2\n");
  const notebook = path.join(dir, "fuzz.lakebook.md");
  await writeFile(notebook, "---\nlakebook: 1\ntitle: Fuzz\n---\n\n```sql {#q}\nSELECT 1 AS one\n```\n");
  workspace = await openWorkspace({ notebookPath: notebook });
  host = await startHttpHost(createRouter(workspace, { maxUploadBytes: 64 * 1024 }), {
    page: async () => statusPage(workspace),
  });
});

afterAll(async () => {
  await host?.close();
  await workspace?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: string;
  body: string;
}

/**
 * Writes the bytes on a fresh socket and reads the whole answer (the request says Connection: close);
 * for an upgrade, only the head (a socket that upgraded stays open).
 */
function send(bytes: Buffer, upgrade = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms`));
    }, ANSWER_WITHIN_MS);
    const finish = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString("utf8");
      const split = text.indexOf("\r\n\r\n");
      const headers = split < 0 ? text : text.slice(0, split);
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0),
        headers,
        body: dechunked(headers, split < 0 ? "" : text.slice(split + 4)),
      });
    };
    socket.on("data", (chunk) => {
      chunks.push(chunk);
      if (upgrade && Buffer.concat(chunks).includes("\r\n\r\n")) socket.destroy();
    });
    socket.on("close", finish);
    socket.on("error", () => undefined); // a reset after the answer is still an answer
    socket.write(bytes);
  });
}

/** A chunked body's data; these bodies are ASCII JSON in practice. */
function dechunked(headers: string, raw: string): string {
  if (!/transfer-encoding: chunked/i.test(headers)) return raw;
  const parts: string[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf("\r\n", at);
    const size = lineEnd < 0 ? 0 : Number.parseInt(raw.slice(at, lineEnd), 16);
    if (!(size > 0)) break;
    parts.push(raw.slice(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return parts.join("");
}

// Characters a request target may hold, plus the ones attacks use.
const pathChar = fc.constantFrom(
  ..."abcXYZ019._-~/%?&=+#:@!$'()*,;[]{}\\|^`\"<>".split(""),
  "%2e",
  "%2f",
  "%00",
  "%ff",
  "..",
  "é",
  "%e2%82%ac",
);
const pathTail = fc.string({ unit: pathChar, maxLength: 30 });
const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        cellId: fc.string(),
        sql: fc.string(),
        resultId: fc.string(),
        offset: fc.integer(),
        limit: fc.integer(),
        name: fc.string(),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "{",
    "[1,",
    '{"a":',
    "null",
    "1e999",
    '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{}}}',
    "\u0000",
  ),
);
const target = fc.oneof(
  fc
    .tuple(fc.constantFrom(...CONTRACT_METHODS, "nope", "service", "a.b.c", ""), fc.option(jsonish))
    .map(
      ([method, params]) => `/rpc/${method}${params === null ? "" : `?params=${encodeURIComponent(params)}`}`,
    ),
  pathTail.map((tail) => `/data/${tail}`),
  pathTail.map((tail) => `/results/${tail}.csv`),
  fc.constantFrom("/", "/dashboard.html", "/events", "/rpc/", "/rpc", "//rpc/service.info", "*"),
  pathTail.map((tail) => `/${tail}`),
);
const httpMethod = fc.constantFrom(
  "GET",
  "POST",
  "PUT",
  "DELETE",
  "HEAD",
  "OPTIONS",
  "PATCH",
  "TRACE",
  "get",
  "FOO",
);

const headerValue = fc.string({
  unit: fc.constantFrom(..."ab=;, /:.-_%\"'\t0123456789".split("")),
  maxLength: 30,
});
const request = fc.record({
  method: httpMethod,
  target,
  tokenIn: fc.constantFrom("bearer", "query", "cookie", "none", "wrong"),
  host: fc.constantFrom("ok", "ok", "ok", "localhost", "evil.example", "none", "garbage"),
  origin: fc.constantFrom("none", "none", "same", "https://evil.example", "null", ""),
  extra: fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,12}$/), headerValue), { maxLength: 4 }),
  body: fc.option(jsonish.map((text) => Buffer.from(text))),
  framing: fc.constantFrom("length", "length", "chunked", "none"),
  upgrade: fc.boolean(),
});
type Request = typeof request extends fc.Arbitrary<infer T> ? T : never;

function bytesOf(r: Request): Buffer {
  const token = r.tokenIn === "wrong" ? "not-the-token" : host.token;
  const hosts: Record<string, string | undefined> = {
    ok: `127.0.0.1:${host.port}`,
    localhost: `localhost:${host.port}`,
    "evil.example": "evil.example",
    none: undefined,
    garbage: "127.0.0.1:0",
  };
  let requestTarget = r.target;
  if (r.tokenIn === "query" || r.tokenIn === "wrong") {
    requestTarget += `${requestTarget.includes("?") ? "&" : "?"}token=${token}`;
  }
  const lines = [`${r.method} ${requestTarget} HTTP/1.1`];
  if (r.upgrade) {
    lines.push("Connection: Upgrade", "Upgrade: websocket", "Sec-WebSocket-Version: 13");
    lines.push("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==");
  } else lines.push("Connection: close");
  if (hosts[r.host]) lines.push(`Host: ${hosts[r.host]}`);
  if (r.origin === "same") lines.push(`Origin: http://127.0.0.1:${host.port}`);
  else if (r.origin !== "none") lines.push(`Origin: ${r.origin}`);
  if (r.tokenIn === "bearer") lines.push(`Authorization: Bearer ${token}`);
  if (r.tokenIn === "cookie") lines.push(`Cookie: lakebook_token=${token}`);
  for (const [name, value] of r.extra) {
    if (!/^(host|connection|content-length|transfer-encoding|upgrade)$/i.test(name))
      lines.push(`${name}: ${value}`);
  }
  const body = r.body ?? Buffer.alloc(0);
  let framed = Buffer.alloc(0);
  if (r.body !== null && r.framing === "length") {
    lines.push(`Content-Length: ${body.length}`);
    framed = body;
  } else if (r.body !== null && r.framing === "chunked") {
    lines.push("Transfer-Encoding: chunked");
    framed = Buffer.concat([
      Buffer.from(`${body.length.toString(16)}\r\n`),
      body,
      Buffer.from("\r\n0\r\n\r\n"),
    ]);
    if (body.length === 0) framed = Buffer.from("0\r\n\r\n");
  }
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), framed]);
}

/** A stack frame, or a path of the service's own files: what an error must never show a client. */
const LEAK = /\n\s+at\s|\bat .+\(.+:\d+:\d+\)|[/\\]pipeline[/\\]|\.ts:\d+|node_modules/;

describe("the HTTP host on arbitrary requests (fuzz)", () => {
  it("answers every request with a well-formed reply: no 500, no stack, no crash", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const answer = await send(bytesOf(r), r.upgrade);
        expect(answer.status, answer.headers).toBeGreaterThanOrEqual(100);
        expect(answer.status, answer.body).toBeLessThan(500);
        expect(answer.body).not.toMatch(LEAK);
        const json = /content-type: application\/json/i.test(answer.headers);
        if (answer.status >= 400 && json && r.method !== "HEAD" && !r.upgrade) {
          const reply = JSON.parse(answer.body);
          expect(reply.ok).toBe(false);
          expect(typeof reply.error.code).toBe("string");
          expect(typeof reply.error.message).toBe("string");
          expect(typeof reply.error.retryable).toBe("boolean");
        }
        if (r.tokenIn === "none" || r.tokenIn === "wrong") expect([400, 401, 403]).toContain(answer.status);
      }),
      fuzzed(400),
    );
  });

  it("keeps serving afterwards", async () => {
    const answer = await send(
      Buffer.from(
        `POST /rpc/service.info HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${host.token}\r\n` +
          "Connection: close\r\nContent-Length: 2\r\n\r\n{}",
      ),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).ok).toBe(true);
  });
});
