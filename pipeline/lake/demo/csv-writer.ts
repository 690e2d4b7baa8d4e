import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { writeAtomically } from "../atomic-write";
import { NULL_MARKER } from "../dataset-columns";
import { sanitizeField } from "./text";

/**
 * Streaming writer for the challenge's CSV dialect: `|`-delimited, header row, LF line endings,
 * UTF-8 without BOM, no quoting, `\N` for null (and for empty strings, which the format cannot
 * tell apart from null anyway), final newline.
 */
export type Field = string | number | null;

export interface WrittenFile {
  /** Data rows, header excluded. */
  rows: number;
  bytes: number;
}

/** Rows are batched into chunks of about this size before they reach the stream. */
const CHUNK_BYTES = 64 * 1024;

export function formatField(value: Field): string {
  if (value === null) return NULL_MARKER;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write non-finite number ${value}`);
    return String(value);
  }
  const text = sanitizeField(value);
  return text === "" ? NULL_MARKER : text;
}

/**
 * Writes header + rows to `path` through a write stream (memory stays flat whatever the size).
 * The file is written beside the target and renamed into place only once complete
 * (`writeAtomically`), so a failure never leaves a truncated CSV where a good one was.
 */
export function writeDelimitedFile(
  path: string,
  header: readonly string[],
  rows: Iterable<readonly Field[]>,
): Promise<WrittenFile> {
  return writeAtomically(path, (temp) => streamRows(temp, path, header, rows));
}

async function streamRows(
  temp: string,
  path: string,
  header: readonly string[],
  rows: Iterable<readonly Field[]>,
): Promise<WrittenFile> {
  const stream = createWriteStream(temp, { encoding: "utf8" });
  // Keep an error listener at all times (an unheard 'error' would crash the process);
  // finished() below reports the error itself.
  stream.on("error", () => {});
  let bytes = 0;
  let count = 0;
  let chunk = "";
  const flush = async () => {
    if (chunk === "") return;
    bytes += Buffer.byteLength(chunk, "utf8");
    const ok = stream.write(chunk);
    chunk = "";
    // once() rejects if the stream errors while we wait.
    if (!ok) await once(stream, "drain");
  };
  try {
    chunk = `${header.join("|")}\n`;
    for (const row of rows) {
      if (row.length !== header.length) {
        throw new Error(`${path}: data row ${count + 1} has ${row.length} fields, expected ${header.length}`);
      }
      chunk += `${row.map(formatField).join("|")}\n`;
      count++;
      if (chunk.length >= CHUNK_BYTES) await flush();
    }
    await flush();
    stream.end();
    await finished(stream);
  } catch (error) {
    // The file is opened asynchronously: wait until the stream has closed, or the open could
    // create the temp file again after writeAtomically removed it.
    const closed = stream.closed ? Promise.resolve() : once(stream, "close").catch(() => undefined);
    stream.destroy();
    await closed;
    throw error;
  }
  return { rows: count, bytes };
}
