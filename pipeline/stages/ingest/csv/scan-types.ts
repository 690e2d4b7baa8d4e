/**
 * The scanner's vocabulary, kept apart so the sinks (the validator's checks, `splitRecords`)
 * depend on these shapes and not on the scanner's internals.
 */

/** How far an open quote may run before the scanner calls it unterminated and resynchronises. */
export const SCAN_LIMITS = {
  /** Line breaks inside one quoted field. Real multi-line fields are a handful of lines. */
  maxQuotedLines: 50,
  /** Bytes kept to rescan after giving up; DuckDB's own `max_line_size` default is 2 MB too. */
  maxQuotedBytes: 2 * 1024 * 1024,
} as const;

export interface ScanOptions {
  /** One ASCII character. */
  delimiter: string;
  /** Field positions whose bytes the sink always needs (the numeric columns). */
  captureMask?: readonly boolean[];
  /** Bytes of one field kept for the sink; longer values arrive truncated (length says how long). */
  captureLimit?: number;
  maxQuotedLines?: number;
  maxQuotedBytes?: number;
}

/** What the scanner knows when a record ends. One object, reused: copy what you keep. */
export interface RecordEnd {
  /** 1-based physical line where the record starts. */
  line: number;
  /** Physical lines it spans (more than 1 when a quoted field holds line breaks). */
  lines: number;
  fields: number;
  /** Ended by `\r\n`. */
  crlf: boolean;
  /** False only for a last record that the file ends without `\n`. */
  finalNewline: boolean;
  /** An empty line: one unquoted, empty field. DuckDB skips these. */
  blank: boolean;
  /** First field (0-based) with text after its closing quote, or -1. */
  strayQuoteField: number;
  /** First field holding a `\r` that does not end the line, or -1. */
  strayCrField: number;
  /** Field whose opening quote was never closed within the limits, or -1. */
  unterminatedQuoteField: number;
  unterminatedQuoteLine: number;
  /** True when the bytes after that quote were rescanned as plain lines (false: they were skipped). */
  resynced: boolean;
}

export interface RecordSink {
  /**
   * A field ended that was captured, is empty or was quoted (the others are only counted: calling out for
   * each of them would cost more than the scan). `length` is its value's size in bytes. When the field was captured, its value
   * is `bytes[start, end)` (quotes and line ending removed, `""` not yet unescaped: see `quoted`),
   * valid only during this call, and shorter than `length` when the capture limit cut it. Indexes
   * rather than a view because creating millions of Buffer views costs more than the scan itself.
   */
  field(
    index: number,
    bytes: Uint8Array | undefined,
    start: number,
    end: number,
    length: number,
    quoted: boolean,
  ): void;
  record(end: RecordEnd): void;
  /**
   * `count` records, one line each, counted by the scanner's `plainRecords`: rows with nothing to
   * report, whose fields were not handed out. Only a sink that sets `plainRecords` receives this.
   */
  plainRecords?(count: number): void;
}
