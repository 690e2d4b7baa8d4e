import { randomUUID } from "node:crypto";
import {
  type DownloadRead,
  errorReply,
  LakebookError,
  MAX_IPC_CHUNK_BYTES,
  okReply,
  type ServiceReply,
  StreamRequestSchema,
} from "../contract";
import { ChunkPipe } from "./chunk-pipe";
import type { ServiceDispatcher } from "./dispatcher";
import { publicError } from "./public-error";

/**
 * The stream methods for a message-based transport (Electron IPC): each `StreamRequest`
 * (see pipeline/contract/ipc.ts) is one step of an open download or upload, answered with a
 * ServiceReply. Chunks are at most MAX_IPC_CHUNK_BYTES either way, and every step waits for the
 * other side (a download reads only when asked, an upload's write answers once the bytes are taken).
 */
export interface StreamSessions {
  handle(request: unknown): Promise<ServiceReply>;
  /** Cancels every open stream: the window that opened them is gone. */
  closeAll(): Promise<void>;
}

const MAX_OPEN = 8;

interface DownloadSession {
  kind: "download";
  chunks: AsyncIterator<Uint8Array>;
  /** The rest of a chunk larger than one message. */
  rest: Uint8Array | undefined;
}
interface UploadSession {
  kind: "upload";
  pipe: ChunkPipe;
  settled: Promise<ServiceReply>;
  outcome: ServiceReply | undefined;
  abort: AbortController;
}

export function streamSessions(dispatcher: ServiceDispatcher): StreamSessions {
  const open = new Map<string, DownloadSession | UploadSession>();

  const session = <K extends "download" | "upload">(id: string, kind: K) => {
    const found = open.get(id);
    if (found?.kind !== kind) throw new LakebookError("STREAM_NOT_FOUND", `No open ${kind} ${id}.`);
    return found as Extract<DownloadSession | UploadSession, { kind: K }>;
  };
  const roomForOne = () => {
    if (open.size >= MAX_OPEN) {
      throw new LakebookError("TOO_MANY_STREAMS", `At most ${MAX_OPEN} downloads and uploads at once.`, {
        hint: "Wait for one to finish.",
        retryable: true,
      });
    }
  };

  async function cancel(id: string): Promise<void> {
    const found = open.get(id);
    open.delete(id);
    if (found?.kind === "download") await found.chunks.return?.().catch(() => undefined);
    if (found?.kind === "upload") {
      found.abort.abort();
      found.pipe.fail(new LakebookError("CANCELLED", "The upload was cancelled.", { retryable: true }));
      await found.settled;
    }
  }

  async function step(raw: unknown): Promise<ServiceReply> {
    const parsed = StreamRequestSchema.safeParse(raw);
    if (!parsed.success) {
      throw new LakebookError("INVALID_PARAMS", `Invalid stream request: ${parsed.error.issues[0]?.message}`);
    }
    const request = parsed.data;
    switch (request.op) {
      case "download": {
        roomForOne();
        const reply = await dispatcher.openDownload(request.method, request.params);
        if (!reply.ok) return reply;
        const streamId = randomUUID();
        open.set(streamId, { kind: "download", chunks: reply.body[Symbol.asyncIterator](), rest: undefined });
        return okReply({ streamId, ...reply.result });
      }
      case "read": {
        const download = session(request.streamId, "download");
        try {
          return okReply<DownloadRead>(await nextChunk(download, request.streamId));
        } catch (error) {
          open.delete(request.streamId);
          throw error;
        }
      }
      case "upload": {
        roomForOne();
        const pipe = new ChunkPipe();
        const abort = new AbortController();
        const settled = dispatcher.acceptUpload(request.method, request.params, pipe, abort.signal);
        const upload: UploadSession = { kind: "upload", pipe, abort, outcome: undefined, settled };
        upload.settled = settled.then((reply) => {
          upload.outcome = reply;
          return reply;
        });
        // Ready once the method asks for bytes; a refusal before that (a bad name, too large) is the answer.
        await Promise.race([pipe.wanted(), upload.settled]);
        if (upload.outcome) return upload.outcome;
        const streamId = randomUUID();
        open.set(streamId, upload);
        return okReply({ streamId });
      }
      case "write": {
        const upload = session(request.streamId, "upload");
        await Promise.race([upload.pipe.push(request.chunk), upload.settled]);
        if (upload.outcome && !upload.outcome.ok) {
          open.delete(request.streamId);
          return upload.outcome;
        }
        return okReply({});
      }
      case "end": {
        const upload = session(request.streamId, "upload");
        upload.pipe.end();
        open.delete(request.streamId);
        return upload.settled;
      }
      case "cancel":
        await cancel(request.streamId);
        return okReply({});
    }
  }

  async function nextChunk(download: DownloadSession, id: string): Promise<DownloadRead> {
    let chunk = download.rest;
    download.rest = undefined;
    if (!chunk) {
      const next = await download.chunks.next();
      if (next.done) {
        open.delete(id);
        return { done: true };
      }
      chunk = next.value;
    }
    if (chunk.byteLength > MAX_IPC_CHUNK_BYTES) {
      download.rest = chunk.subarray(MAX_IPC_CHUNK_BYTES);
      chunk = chunk.subarray(0, MAX_IPC_CHUNK_BYTES);
    }
    // A copy of exactly these bytes: a view into a larger buffer would send the whole buffer.
    return { chunk: chunk.slice() };
  }

  return {
    handle: (request) => step(request).catch((error) => errorReply(publicError(error))),
    closeAll: async () => {
      await Promise.all([...open.keys()].map(cancel));
    },
  };
}
