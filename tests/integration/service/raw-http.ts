import { connect } from "node:net";

/** What a raw request got back: the status and, unless only the status was awaited, the body. */
export interface RawAnswer {
  status: number;
  head: string;
  body: string;
}

/**
 * Sends one request exactly as written: the path is not normalized (`../`, `%2e%2e`, backslashes
 * reach the server as typed), and Host/Origin are whatever the test says. `statusOnly` resolves on
 * the status line (a WebSocket upgrade that succeeds never closes by itself).
 */
export function rawRequest(
  port: number,
  request: { method?: string; path: string; headers: Record<string, string>; body?: Buffer | string },
  options: { statusOnly?: boolean } = {},
): Promise<RawAnswer> {
  const { method = "GET", path, headers, body } = request;
  const lines = [`${method} ${path} HTTP/1.1`];
  for (const [name, value] of Object.entries({ Connection: "close", ...headers }))
    lines.push(`${name}: ${value}`);
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const finish = () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [head = "", ...rest] = text.split("\r\n\r\n");
      const status = Number(head.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0);
      resolve({ status, head, body: rest.join("\r\n\r\n") });
    };
    socket.on("data", (chunk) => {
      chunks.push(chunk);
      if (options.statusOnly && Buffer.concat(chunks).includes("\r\n")) {
        socket.destroy();
        finish();
      }
    });
    socket.on("end", finish);
    socket.on("close", finish);
    socket.on("error", (error) => (chunks.length ? finish() : reject(error)));
    socket.write(`${lines.join("\r\n")}\r\n\r\n`);
    if (body !== undefined) socket.write(body);
  });
}

/** A WebSocket upgrade request with the given extra headers; resolves with the answer's status. */
export async function upgradeStatus(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<number> {
  const answer = await rawRequest(
    port,
    {
      path,
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        ...headers,
      },
    },
    { statusOnly: true },
  );
  return answer.status;
}
