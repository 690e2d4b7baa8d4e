import { refuse } from "./refusals";

/** How much of the file's start the binary check looks at (whatever the chunking). */
export const SNIFF_BYTES = 8 * 1024;

interface Magic {
  bytes: readonly number[];
  kind: string;
  hint: string;
}

const decompress = (tool: string) => `Decompress it first (${tool}) and ingest the .csv inside.`;

// Formats a student may plausibly hand us instead of the CSV, by their leading signature.
const MAGICS: readonly Magic[] = [
  { bytes: [0x1f, 0x8b], kind: "a gzip file", hint: decompress("gunzip movies.csv.gz") },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    kind: "a zip archive (an .xlsx workbook is one too)",
    hint: `${decompress("unzip")} A spreadsheet must be the original pipe-delimited CSV, not an export.`,
  },
  {
    bytes: [0x50, 0x4b, 0x05, 0x06],
    kind: "an empty zip archive",
    hint: "Use the original movies.csv/series.csv.",
  },
  { bytes: [0x42, 0x5a, 0x68], kind: "a bzip2 file", hint: decompress("bunzip2") },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], kind: "an xz file", hint: decompress("unxz") },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: "a 7z archive", hint: decompress("7z x") },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], kind: "a zstd file", hint: decompress("unzstd") },
  {
    bytes: [0x50, 0x41, 0x52, 0x31],
    kind: "a Parquet file",
    hint: "RAW takes the original CSV; Parquet is what the TRUSTED stage writes.",
  },
  {
    bytes: [0xff, 0xfe],
    kind: "UTF-16 text",
    hint: "Save the file as UTF-8 (the challenge's encoding) and ingest it again.",
  },
  {
    bytes: [0xfe, 0xff],
    kind: "UTF-16 text",
    hint: "Save the file as UTF-8 (the challenge's encoding) and ingest it again.",
  },
];

/** Text has next to no control characters; 2% of the window already means binary. */
const MAX_CONTROL_SHARE = 0.02;

/** Refuses (throws CSV_BINARY) when the file's first bytes are not text. */
export function assertLooksLikeText(window: Uint8Array, fileName: string): void {
  for (const magic of MAGICS) {
    if (magic.bytes.every((byte, i) => window[i] === byte)) {
      throw refuse("CSV_BINARY", fileName, `looks like ${magic.kind}, not a CSV file.`, magic.hint);
    }
  }
  let controls = 0;
  for (let i = 0; i < window.length; i++) {
    const b = window[i] as number;
    if (b === 0) {
      throw refuse(
        "CSV_BINARY",
        fileName,
        `contains a NUL byte at offset ${i}: this is a binary file (or UTF-16 text), not a CSV file.`,
        "Ingest the challenge's original movies.csv or series.csv (UTF-8 text).",
      );
    }
    // Tab, LF and CR are ordinary in text; the rest of C0 and DEL are not.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) controls++;
  }
  if (window.length > 0 && controls / window.length > MAX_CONTROL_SHARE) {
    const percent = Math.round((controls / window.length) * 100);
    throw refuse(
      "CSV_BINARY",
      fileName,
      `looks like binary data: ${percent}% of its first ${window.length} bytes are control characters.`,
      "Ingest the challenge's original movies.csv or series.csv (UTF-8 text).",
    );
  }
}
