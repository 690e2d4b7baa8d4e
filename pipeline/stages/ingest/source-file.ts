import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { LakebookError } from "../../contract";

/** A local CSV file to ingest: where it is, and how the user wrote its path (for messages). */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** As written in the cell or on the command line. */
  shown: string;
  /** The file name, which becomes the object's name in RAW. */
  name: string;
  size: number;
}

/** Read size of the one streaming pass: large enough to keep the validator and hashes busy. */
export const READ_CHUNK = 1024 * 1024;

/** Finds the file (relative paths resolve against `baseDir`); INGEST_FILE_NOT_FOUND names it otherwise. */
export async function findSourceFile(baseDir: string, shown: string): Promise<SourceFile> {
  const absolute = path.resolve(baseDir, shown);
  const where = absolute === shown ? shown : `${shown} (${absolute})`;
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new LakebookError("INGEST_FILE_NOT_FOUND", `No such file: ${where}.`, {
        hint: "Check the path: a relative path starts at the notebook's folder (or, on the command line, at the current folder).",
      });
    }
    throw new LakebookError("INGEST_FILE_UNREADABLE", `Cannot read ${where} (${code ?? "unknown error"}).`, {
      hint: "Check the file's permissions.",
      cause: error,
    });
  }
  if (!info.isFile()) {
    throw new LakebookError("INGEST_FILE_NOT_FOUND", `${where} is a folder, not a file.`, {
      hint: "Name the CSV file itself, e.g. data/movies.csv.",
    });
  }
  return { path: absolute, shown, name: path.basename(absolute), size: info.size };
}

/** The file as chunks, read once from the start; the stream is closed if the reader stops early. */
export function readChunks(file: Pick<SourceFile, "path">): AsyncIterable<Uint8Array> {
  return createReadStream(file.path, { highWaterMark: READ_CHUNK });
}

/**
 * The file as chunks read into `slots` buffers used in turn, for a consumer that is done with each
 * chunk soon after it gets it. A fresh buffer per chunk, as `readChunks` makes, costs the process
 * page faults and garbage collection (on the full-size movies.csv several times the kernel's
 * read); these allocate nothing per chunk. A chunk's bytes are overwritten when the chunk `slots`
 * places after it is read, so the consumer must be done with it (or have copied what it keeps)
 * before it asks for that one.
 */
export async function* readChunksReusing(
  file: Pick<SourceFile, "path">,
  slots = 3,
): AsyncGenerator<Uint8Array> {
  const handle = await open(file.path, "r");
  try {
    const buffers = Array.from({ length: slots }, () => Buffer.allocUnsafe(READ_CHUNK));
    for (let turn = 0; ; turn++) {
      const buffer = buffers[turn % slots] as Buffer;
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
