import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { link, mkdir, rename, rm, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DATA_FILE_EXISTS, type DataFileUpload, LakebookError, toServiceError } from "../contract";

/**
 * `PUT /data/<file name>`: a browser cannot tell the service where a chosen file lives, so it sends
 * the bytes, which land in `<notebook folder>/data/<file name>` for an ingest cell to name. The body
 * streams to a temporary file beside the target and is renamed into place: the 172 MB movies file
 * never sits in memory, and the target is never half-written. The host checks token, Host and Origin
 * before this runs.
 */
export interface DataUploadOptions {
  /** The open notebook; null when none is (uploads are refused: there is no folder to put them in). */
  notebookPath: () => string | null;
  /** The largest body accepted, in bytes (default 4 GiB). */
  maxBytes?: number;
}

export type DataUploadHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) => Promise<void>;

export const DATA_FOLDER = "data";
const DEFAULT_MAX_BYTES = 4 * 1024 ** 3;
const MAX_NAME_BYTES = 255;
// C0 controls (incl. NUL), DEL and C1 controls: invisible in a file browser and unsafe in a path.
const CONTROL_CHAR = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Why `name` cannot be a file in `data/`, or undefined when it can (pure, so each rule is tested). */
export function dataFileNameProblem(name: string): string | undefined {
  if (name.length === 0) return "is empty";
  if (name.includes("/") || name.includes("\\")) return "contains a folder separator";
  if (name.includes("..")) return 'contains ".."';
  // Hidden files are not data, and the upload's own temporary files start with a dot.
  if (name.startsWith(".")) return "starts with a dot";
  if (CONTROL_CHAR.test(name)) return "contains a control character";
  if (LONE_SURROGATE.test(name)) return "is not valid Unicode";
  if (Buffer.byteLength(name, "utf8") > MAX_NAME_BYTES) return `is longer than ${MAX_NAME_BYTES} bytes`;
  return undefined;
}

class UploadRefused extends LakebookError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    hint?: string,
  ) {
    super(code, message, hint ? { hint } : {});
  }
}

export function createDataUpload(options: DataUploadOptions): DataUploadHandler {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return async (request, response, url) => {
    try {
      const result = await receive(request, url, options.notebookPath(), maxBytes);
      sendJson(response, result.replaced || result.unchanged ? 200 : 201, { ok: true, result });
    } catch (error) {
      refuse(request, response, error);
    }
  };
}

async function receive(
  request: IncomingMessage,
  url: URL,
  notebookPath: string | null,
  maxBytes: number,
): Promise<DataFileUpload> {
  const name = fileNameOf(url);
  if (!notebookPath) {
    throw new UploadRefused(
      409,
      "NO_NOTEBOOK",
      "No notebook is open, so there is no data folder to put the file in.",
      "Start the service with a notebook: `lakebook serve path/to/notebook.lakebook.md`.",
    );
  }
  const relative = `${DATA_FOLDER}/${name}`;
  const folder = path.join(path.dirname(notebookPath), DATA_FOLDER);
  const target = path.join(folder, name);
  const replace = url.searchParams.get("replace") === "1";
  const declared = declaredLength(request);
  if (declared !== undefined && declared > maxBytes) throw tooLarge(relative, maxBytes);

  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    throw new UploadRefused(
      409,
      "DATA_PATH_NOT_A_FILE",
      `${relative} exists and is not a file.`,
      "Rename the file you upload, or move that folder away.",
    );
  }
  // A different size is different content: say so before the body is sent to nowhere.
  if (existing && !replace && declared !== undefined && declared !== existing.size) throw exists(relative);

  await mkdir(folder, { recursive: true });
  const temp = path.join(folder, `.${name}.${randomBytes(6).toString("hex")}.uploading`);
  try {
    const meter = new UploadMeter(maxBytes, () => tooLarge(relative, maxBytes));
    await pipeline(request, meter, createWriteStream(temp, { flags: "wx", mode: 0o644, flush: true }));
    if (declared !== undefined && meter.bytes !== declared) {
      throw new UploadRefused(
        400,
        "DATA_UPLOAD_INCOMPLETE",
        `The upload of ${relative} ended after ${meter.bytes} of ${declared} bytes.`,
        "Try again.",
      );
    }
    const received = { path: relative, bytes: meter.bytes, sha256: meter.sha256() };
    if (replace) {
      await rename(temp, target);
      return { ...received, replaced: existing !== undefined, unchanged: false };
    }
    if (await placeNew(temp, target)) return { ...received, replaced: false, unchanged: false };
    if (await sameContent(target, received)) return { ...received, replaced: false, unchanged: true };
    throw exists(relative);
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

function fileNameOf(url: URL): string {
  const encoded = url.pathname.slice(`/${DATA_FOLDER}/`.length);
  let name: string;
  try {
    name = decodeURIComponent(encoded);
  } catch {
    name = "";
  }
  const problem = dataFileNameProblem(name);
  if (problem) {
    throw new UploadRefused(
      400,
      "DATA_FILE_NAME_INVALID",
      `The file name ${JSON.stringify(name)} ${problem}.`,
      "Give a plain file name such as movies.csv; it lands in the notebook's data folder.",
    );
  }
  return name;
}

function declaredLength(request: IncomingMessage): number | undefined {
  const header = request.headers["content-length"];
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
}

/**
 * Puts the finished temporary file at `target` unless something is there. A hard link fails
 * atomically when the name is taken (no window between a check and a rename); file systems without
 * hard links (FAT, some network shares) fall back to check-then-rename.
 */
async function placeNew(temp: string, target: string): Promise<boolean> {
  try {
    await link(temp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (
      await stat(target).then(
        () => true,
        () => false,
      )
    )
      return false;
    await rename(temp, target);
    return true;
  }
}

async function sameContent(file: string, received: { bytes: number; sha256: string }): Promise<boolean> {
  const info = await stat(file);
  if (info.size !== received.bytes) return false;
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex") === received.sha256;
}

/** Counts and hashes the bytes on their way to disk, and stops the stream past the size cap. */
class UploadMeter extends Transform {
  bytes = 0;
  private readonly hash = createHash("sha256");

  constructor(
    private readonly maxBytes: number,
    private readonly overCap: () => Error,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      done(this.overCap());
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  sha256(): string {
    return this.hash.digest("hex");
  }
}

function exists(relative: string): UploadRefused {
  return new UploadRefused(
    409,
    DATA_FILE_EXISTS,
    `${relative} already exists with other content.`,
    "Upload again with replace to overwrite it, or rename your file.",
  );
}

function tooLarge(relative: string, maxBytes: number): UploadRefused {
  return new UploadRefused(
    413,
    "DATA_FILE_TOO_LARGE",
    `${relative} is larger than the ${maxBytes}-byte limit of this service.`,
    "Copy the file into the notebook's data folder yourself and name it in the cell.",
  );
}

/**
 * Answers a refused upload. A body still on its way is read and dropped (not buffered) so the client
 * sees the answer instead of a reset connection; a client that broke off gets nothing.
 */
function refuse(request: IncomingMessage, response: ServerResponse, error: unknown): void {
  if (request.destroyed && !request.complete) {
    response.destroy();
    return;
  }
  const status = error instanceof UploadRefused ? error.status : 500;
  if (!request.complete) {
    // Past the cap the rest may be endless: close the connection once the answer is out.
    if (status === 413) response.setHeader("Connection", "close");
    else request.resume();
  }
  if (response.headersSent) response.destroy();
  else sendJson(response, status, { ok: false, error: toServiceError(error) });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(JSON.stringify(body));
}
