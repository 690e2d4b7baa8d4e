import type { IncomingMessage } from "node:http";
import { LakebookError } from "../contract";

/** A call's JSON params; larger data travels as an upload's body. */
export const MAX_CALL_BODY_BYTES = 20 * 1024 * 1024;

/**
 * How much of a refused body is still read and dropped so the client sees the answer: closing a
 * socket with unread bytes resets it, and the reset can overtake the answer. Past this (or after
 * DRAIN_MS) the connection is cut, since the rest may be endless.
 */
const DRAIN_BYTES = 16 * 1024 * 1024;
const DRAIN_MS = 2000;

/** The request's JSON body ({} when empty); REQUEST_TOO_LARGE past the cap, counted as it arrives. */
export function readJson(request: IncomingMessage, declared: number | undefined): Promise<unknown> {
  if (declared !== undefined && declared > MAX_CALL_BODY_BYTES) return Promise.reject(callTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      // Counted as it arrives: a chunked body declares no length.
      if (size > MAX_CALL_BODY_BYTES) {
        request.off("data", onData).off("end", onEnd);
        chunks.length = 0;
        reject(callTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks).toString("utf8");
      if (!text) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new LakebookError("INVALID_JSON", "Request body is not valid JSON."));
      }
    };
    request.on("data", onData).on("end", onEnd).on("error", reject);
  });
}

/**
 * After a refusal is answered: reads and drops what is left of the body, within a budget, then cuts
 * the connection if the body is still coming. Nothing read here is kept.
 */
export function dropRestOfBody(request: IncomingMessage): void {
  if (request.complete || request.destroyed) return;
  let dropped = 0;
  const cut = () => {
    clearTimeout(timer);
    request.socket.destroy();
  };
  const timer = setTimeout(cut, DRAIN_MS);
  timer.unref();
  request.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_BYTES) cut();
  });
  request.once("end", () => clearTimeout(timer));
  request.once("close", () => clearTimeout(timer));
  request.resume();
}

function callTooLarge(): LakebookError {
  return new LakebookError(
    "REQUEST_TOO_LARGE",
    `The request body is larger than the ${MAX_CALL_BODY_BYTES}-byte limit for a call.`,
    { hint: "Send large data as an upload (PUT /data/<name>), not inside a call's parameters." },
  );
}
