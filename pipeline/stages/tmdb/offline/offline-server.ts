import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { OfflineTmdbApi } from "./offline-api";
import type { OfflineTitle } from "./offline-title";

export interface OfflineTmdbServer {
  /** Ends in `/3`, like TMDB's, so the client joins paths the same way. */
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The offline sample: TMDB's API for the demo titles on 127.0.0.1 at a random port. Any
 * credentials or none are accepted; nothing here touches the network beyond the loopback socket.
 */
export async function startOfflineTmdb(options: {
  titles: readonly OfflineTitle[];
}): Promise<OfflineTmdbServer> {
  const api = new OfflineTmdbApi(options.titles);
  const server = createServer((request, response) => {
    const answer = api.answer(request.method ?? "GET", request.url ?? "/");
    const text = JSON.stringify(answer.body);
    response.writeHead(answer.status, {
      "content-type": "application/json;charset=utf-8",
      "content-length": Buffer.byteLength(text),
    });
    response.end(text);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/3`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
