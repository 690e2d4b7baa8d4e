import { createServer, type Server, Socket } from "node:net";

/**
 * A TCP proxy in front of a server that cuts the line: once `dropAfterBytes` bytes have gone from
 * clients to the server, every connection is destroyed mid-request and new ones are refused, as
 * when a laptop leaves the Wi-Fi in the middle of an upload.
 */
export interface DropProxy {
  endpoint: string;
  /** Bytes forwarded client → server so far. */
  forwarded(): number;
  dropped(): boolean;
  stop(): Promise<void>;
}

export async function startDropProxy(targetPort: number, dropAfterBytes: number): Promise<DropProxy> {
  const sockets = new Set<Socket>();
  let forwarded = 0;
  let dropped = false;
  const server: Server = createServer((client) => {
    if (dropped) return void client.destroy();
    const upstream = new Socket();
    sockets.add(client);
    sockets.add(upstream);
    upstream.connect(targetPort, "127.0.0.1");
    client.on("data", (chunk: Buffer) => {
      if (dropped) return;
      forwarded += chunk.length;
      if (forwarded > dropAfterBytes) {
        // Send part of this chunk, then pull the plug.
        upstream.write(chunk.subarray(0, Math.max(0, chunk.length - (forwarded - dropAfterBytes))));
        drop();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (!dropped) client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", close);
    upstream.on("error", close);
    client.on("close", close);
    upstream.on("close", close);
  });
  const drop = () => {
    dropped = true;
    server.close();
    for (const socket of sockets) socket.destroy();
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    forwarded: () => forwarded,
    dropped: () => dropped,
    stop: async () => {
      if (!dropped) drop();
    },
  };
}
