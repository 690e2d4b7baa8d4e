import { z } from "zod";

/**
 * The desktop transport's wire: three channels between the window and the main process. The
 * preload exposes `invoke` on the first two and `on` for the third, nothing else; the bridge
 * (`electron/ipc-bridge.ts`) and the renderer's IPC transport both read these names from here.
 */
export const IPC_CHANNELS = {
  /** `invoke(call, method, params)` → ServiceReply. */
  call: "lakebook:call",
  /** `invoke(stream, StreamRequest)` → ServiceReply: the stream methods, one chunk per message. */
  stream: "lakebook:stream",
  /** main → window: every ServiceEvent. */
  event: "lakebook:event",
} as const;

/**
 * The largest chunk one IPC message carries either way. Bounded so a message never holds a whole
 * file, and each chunk is acknowledged before the next is sent (uploads) or asked for (downloads):
 * that pull is the back-pressure.
 */
export const MAX_IPC_CHUNK_BYTES = 1024 * 1024;

const streamId = z.string().min(1).max(64);
const chunk = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.byteLength <= MAX_IPC_CHUNK_BYTES, `at most ${MAX_IPC_CHUNK_BYTES} bytes a chunk`);

/**
 * One step of a stream method over IPC. A download is `download` (answers `{streamId, fileName,
 * contentType}`) then `read` until `{done: true}` (each answers `{chunk}`); an upload is `upload`
 * (answers `{streamId}` once the service is ready for bytes), `write` per chunk (answers once the
 * service took it), then `end` (answers the method's result). `cancel` drops either kind.
 */
export const StreamRequestSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("download"), method: z.string(), params: z.unknown() }),
  z.object({ op: z.literal("read"), streamId }),
  z.object({ op: z.literal("upload"), method: z.string(), params: z.unknown() }),
  z.object({ op: z.literal("write"), streamId, chunk }),
  z.object({ op: z.literal("end"), streamId }),
  z.object({ op: z.literal("cancel"), streamId }),
]);
export type StreamRequest = z.infer<typeof StreamRequestSchema>;

/** What `read` answers: the next bytes, or the end of the download. */
export type DownloadRead = { chunk: Uint8Array } | { done: true };
