import { type DownloadRead, IPC_CHANNELS, type ServiceError } from "../../../pipeline/contract";
import type { DesktopServiceIpc } from "../../../pipeline/contract/desktop-api";
import { cancelled, resultOf, type Transport } from "./transport";

/**
 * The service half of the desktop shell's `window.lakebook` (pipeline/contract/desktop-api.ts):
 * `invoke` on the call and stream channels, `on` for the event channel (pipeline/contract/ipc.ts).
 */
export type DesktopIpc = DesktopServiceIpc;

export interface IpcTransportOptions {
  /** Bytes per upload message; the bridge refuses more than MAX_IPC_CHUNK_BYTES. */
  chunkBytes?: number;
}

const CHUNK_BYTES = 256 * 1024;
const NO_ANSWER: ServiceError = {
  code: "IPC_NO_ANSWER",
  message: "The desktop app's service did not answer.",
  retryable: true,
};

/**
 * Desktop mode: the same methods over Electron IPC. Stream methods go one chunk per message, each
 * waiting for the service's answer before the next, so neither side holds a whole file in flight.
 */
export function ipcTransport(ipc: DesktopIpc, options: IpcTransportOptions = {}): Transport {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const listeners = new Set<(event: unknown) => void>();
  // One subscription for the transport's lifetime, like the HTTP transport's one socket.
  let stopEvents: (() => void) | undefined;
  const subscribe = () => {
    stopEvents ??= ipc.on(IPC_CHANNELS.event, (event) => {
      for (const listener of listeners) listener(event);
    });
  };
  const stream = async (request: Record<string, unknown>) =>
    resultOf(await ipc.invoke(IPC_CHANNELS.stream, request), NO_ANSWER);

  return {
    async call(method, params) {
      return resultOf(await ipc.invoke(IPC_CHANNELS.call, method, params ?? {}), NO_ANSWER);
    },
    async download(method, params, { signal } = {}) {
      const opened = (await stream({ op: "download", method, params: params ?? {} })) as {
        streamId: string;
        fileName: string;
        contentType: string;
      };
      const parts: Uint8Array[] = [];
      for (;;) {
        if (signal?.aborted) {
          await stream({ op: "cancel", streamId: opened.streamId });
          throw cancelled("download");
        }
        const read = (await stream({ op: "read", streamId: opened.streamId })) as DownloadRead;
        if ("done" in read) break;
        parts.push(read.chunk);
      }
      return { blob: new Blob(parts as BlobPart[], { type: opened.contentType }), fileName: opened.fileName };
    },
    async upload(method, params, file, { onProgress, signal } = {}) {
      if (signal?.aborted) throw cancelled("upload");
      const { streamId } = (await stream({ op: "upload", method, params: params ?? {} })) as {
        streamId: string;
      };
      try {
        for (let sent = 0; sent < file.size; ) {
          if (signal?.aborted) throw cancelled("upload");
          const end = Math.min(file.size, sent + chunkBytes);
          const chunk = new Uint8Array(await file.slice(sent, end).arrayBuffer());
          await stream({ op: "write", streamId, chunk });
          sent = end;
          onProgress?.(sent, file.size);
        }
      } catch (error) {
        // Cancelled, or the file could not be read here: the service drops its half-written copy.
        // (A write the service refused has already closed its side; this cancel is then a no-op.)
        await stream({ op: "cancel", streamId }).catch(() => undefined);
        throw error;
      }
      return stream({ op: "end", streamId });
    },
    onEvent(listener) {
      subscribe();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async whenConnected() {
      subscribe();
    },
    close() {
      stopEvents?.();
      stopEvents = undefined;
    },
  };
}
