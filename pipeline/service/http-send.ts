import type { ServerResponse } from "node:http";
import type { ServiceReply } from "../contract";
import type { DownloadReply } from "./dispatcher";
import { statusFor } from "./http-routes";

const PLAIN_HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export function sendJson(response: ServerResponse, status: number, reply: ServiceReply): void {
  sendText(response, status, "application/json; charset=utf-8", JSON.stringify(reply));
}

export function sendText(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "Content-Type": type, ...PLAIN_HEADERS });
  response.end(body);
}

/**
 * A download as an attachment, written as the body yields and waiting for the socket to drain, so
 * a million-row CSV never sits in memory; reading stops as soon as the client goes away. An error
 * before the first byte is a JSON reply; after it, the caller cuts the connection.
 */
export async function sendDownload(response: ServerResponse, reply: DownloadReply): Promise<void> {
  if (!reply.ok) {
    sendJson(response, statusFor(reply.error.code, "download"), reply);
    return;
  }
  response.writeHead(200, {
    "Content-Type": reply.result.contentType,
    "Content-Disposition": `attachment; filename="${reply.result.fileName.replace(/[^\w.-]/g, "_")}"`,
    ...PLAIN_HEADERS,
  });
  let gone = false;
  response.once("close", () => {
    gone = true;
  });
  for await (const chunk of reply.body) {
    // Leaving the loop ends the body's generator, which releases what it holds.
    if (gone) return;
    if (!response.write(chunk)) await drainedOrClosed(response);
  }
  if (!gone) response.end();
}

function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}
