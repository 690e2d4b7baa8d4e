import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { link, mkdir, rename, stat } from "node:fs/promises";
import path from "node:path";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DATA_FILE_EXISTS, type DataFileUpload, LakebookError, type StreamParams } from "../contract";
import { writeAtomically } from "../lake";

/**
 * `dataFile.upload`: a page cannot tell the service where a chosen file lives, so it sends the
 * bytes, which land in `<notebook folder>/data/<file name>` for an ingest cell to name. The bytes
 * stream to a temporary file beside the target, which is then put into place: the 172 MB movies
 * file never sits in memory, and the target is never half-written. Any transport feeds it (an HTTP
 * body, IPC chunks); the transport has checked who is asking before this runs.
 */
export interface DataUploadOptions {
  /** The open notebook; null when none is (uploads are refused: there is no folder to put them in). */
  notebookPath: string | null;
  /** The largest file accepted, in bytes (default 4 GiB); counted as the bytes arrive. */
  maxBytes?: number | undefined;
}

export const DATA_FOLDER = "data";
export const DEFAULT_MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
const MAX_NAME_BYTES = 255;
// C0 controls (incl. NUL), DEL and C1 controls: invisible in a file browser and unsafe in a path.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
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

/** Stores `source` as `data/<params.name>`; throws LakebookError (DATA_FILE_EXISTS, …) when refused. */
export async function receiveDataFile(
  source: AsyncIterable<Uint8Array>,
  params: StreamParams<"dataFile.upload">,
  options: DataUploadOptions,
): Promise<DataFileUpload> {
  const { name, replace = false, bytes: declared } = params;
  checkName(name);
  if (!options.notebookPath) {
    throw new LakebookError(
      "NO_NOTEBOOK",
      "No notebook is open, so there is no data folder to put the file in.",
      {
        hint: "Start the service with a notebook: `lakebook serve path/to/notebook.lakebook.md`.",
      },
    );
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const relative = `${DATA_FOLDER}/${name}`;
  const folder = path.join(path.dirname(options.notebookPath), DATA_FOLDER);
  const target = path.join(folder, name);
  if (declared !== undefined && declared > maxBytes) throw tooLarge(relative, maxBytes);

  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    throw new LakebookError("DATA_PATH_NOT_A_FILE", `${relative} exists and is not a file.`, {
      hint: "Rename the file you upload, or move that folder away.",
      params: { file: relative },
    });
  }
  // A different size is different content: say so before the bytes are sent to nowhere.
  if (existing && !replace && declared !== undefined && declared !== existing.size) throw exists(relative);

  const meter = new UploadMeter(maxBytes, () => tooLarge(relative, maxBytes));
  let outcome: DataFileUpload | undefined;
  // The temp file goes beside the target (hidden) and is gone after the call, whatever happens.
  await mkdir(folder, { recursive: true });
  await writeAtomically(
    target,
    (temp) => pipeline(source, meter, createWriteStream(temp, { flags: "wx", mode: 0o644, flush: true })),
    {
      replace: async (temp) => {
        if (declared !== undefined && meter.bytes !== declared) {
          throw new LakebookError(
            "DATA_UPLOAD_INCOMPLETE",
            `The upload of ${relative} ended after ${meter.bytes} of ${declared} bytes.`,
            { hint: "Try again.", params: { file: relative } },
          );
        }
        const received = { path: relative, bytes: meter.bytes, sha256: meter.sha256() };
        if (replace) {
          await rename(temp, target);
          outcome = { ...received, replaced: existing !== undefined, unchanged: false };
        } else if (await placeNew(temp, target)) {
          outcome = { ...received, replaced: false, unchanged: false };
        } else if (await sameContent(target, received)) {
          outcome = { ...received, replaced: false, unchanged: true };
        } else {
          throw exists(relative);
        }
      },
    },
  );
  if (!outcome) throw new Error("The data file upload ended without placing the file.");
  return outcome;
}

function checkName(name: string): void {
  const problem = dataFileNameProblem(name);
  if (problem) {
    throw new LakebookError("DATA_FILE_NAME_INVALID", `The file name ${JSON.stringify(name)} ${problem}.`, {
      hint: "Give a plain file name such as movies.csv; it lands in the notebook's data folder.",
    });
  }
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

function exists(relative: string): LakebookError {
  return new LakebookError(DATA_FILE_EXISTS, `${relative} already exists with other content.`, {
    hint: "Upload again with replace to overwrite it, or rename your file.",
    params: { file: relative },
  });
}

function tooLarge(relative: string, maxBytes: number): LakebookError {
  return new LakebookError(
    "DATA_FILE_TOO_LARGE",
    `${relative} is larger than the ${maxBytes}-byte limit of this service.`,
    {
      hint: "Copy the file into the notebook's data folder yourself and name it in the cell.",
      params: { file: relative, limit: maxBytes },
    },
  );
}
