import { z } from "zod";
import { DataFileUploadSchema } from "./data-files";

/** What a download says before its bytes: the name to save it under and its media type. */
export const DownloadHeadSchema = z.object({
  fileName: z.string().min(1),
  contentType: z.string().min(1),
});
export type DownloadHead = z.infer<typeof DownloadHeadSchema>;

/**
 * The service's methods whose payload is a byte stream, too large for one JSON message: a result
 * of a million rows, a 170 MB CSV. `download` streams bytes from the service after a
 * `DownloadHead`; `upload` streams bytes to it and ends with `result`. Params are validated like
 * every other method's; each transport maps the bytes its own way (HTTP bodies, IPC chunks).
 */
export const streamMethods = {
  /** A result kept by the engine (`query.run`, a table output) as RFC 4180 CSV with a header line. */
  "result.exportCsv": {
    direction: "download",
    params: z.object({ resultId: z.string().regex(/^[\w-]+$/) }),
  },
  /** The notebook's charts as the one self-contained HTML file `lakebook export --html` writes. */
  "dashboard.export": {
    direction: "download",
    params: z.object({}),
  },
  /**
   * A file chosen in the UI, stored as `data/<name>` beside the notebook for an ingest cell to name.
   * Refused with DATA_FILE_EXISTS when other content has that name, unless `replace`; `bytes`
   * (the file's size, when known) lets an oversized or clashing file be refused before it is sent.
   */
  "dataFile.upload": {
    direction: "upload",
    params: z.object({
      name: z.string(),
      replace: z.boolean().optional(),
      bytes: z.number().int().nonnegative().optional(),
    }),
    result: DataFileUploadSchema,
  },
} as const;

export type StreamMethodName = keyof typeof streamMethods;
type StreamSpec = (typeof streamMethods)[StreamMethodName];
export type DownloadMethodName = {
  [M in StreamMethodName]: (typeof streamMethods)[M]["direction"] extends "download" ? M : never;
}[StreamMethodName];
export type UploadMethodName = Exclude<StreamMethodName, DownloadMethodName>;
export type StreamParams<M extends StreamMethodName> = z.input<(typeof streamMethods)[M]["params"]>;
export type UploadResult<M extends UploadMethodName> = z.output<(typeof streamMethods)[M]["result"]>;

export const isStreamMethod = (name: string): name is StreamMethodName => Object.hasOwn(streamMethods, name);
export const isDownloadMethod = (name: string): name is DownloadMethodName =>
  isStreamMethod(name) && (streamMethods[name] as StreamSpec).direction === "download";
export const isUploadMethod = (name: string): name is UploadMethodName =>
  isStreamMethod(name) && (streamMethods[name] as StreamSpec).direction === "upload";
