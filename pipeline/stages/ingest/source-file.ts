import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
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
