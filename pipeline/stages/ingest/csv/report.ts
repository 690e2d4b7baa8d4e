import { IngestWarningCodeSchema } from "../../../contract";
import type { Dataset } from "../../../lake/paths";
import type { ColumnType } from "./column-types";

/** One oddity in an ingested file. `line` is 1-based and physical: the header is line 1. */
export interface CsvWarning {
  line: number;
  code: CsvWarningCode;
  message: string;
}

/**
 * Every warning code. Row problems still ingest (RAW is a faithful copy); most of them are lines
 * DuckDB will refuse or misread in the TRUSTED stage, which is why they are worth a look first.
 */
export const CSV_WARNING_CODES = IngestWarningCodeSchema.options;
export type CsvWarningCode = (typeof CSV_WARNING_CODES)[number];

/** Codes that describe the whole file: kept once, counted once in `warningCount`. */
export const FILE_LEVEL_CODES: ReadonlySet<CsvWarningCode> = new Set([
  "BOM",
  "CRLF",
  "MIXED_LINE_ENDINGS",
  "NO_FINAL_NEWLINE",
  "NO_ROWS",
]);

export interface CsvPreview {
  columns: { name: string; type: ColumnType }[];
  /** The first data rows, one value per column: `\N` → null, numbers typed in numeric columns. */
  rows: (string | number | null)[][];
}

export interface CsvReport {
  /** Detected from the header (equal to the one the caller asked for, if any). */
  dataset: Dataset;
  delimiter: "|";
  columns: string[];
  /** Records after the header; blank lines are not rows. */
  rows: number;
  /**
   * Data fields read as quoted (`"…"`, closed). Any at all and Athena must read the table with a
   * SerDe that knows quotes (OpenCSVSerDe): LazySimpleSerDe would keep them and split at a `|` inside.
   */
  quotedFields: number;
  bytes: number;
  /** Hex SHA-256 of the exact bytes read, BOM and all. */
  sha256: string;
  /** Sorted by line; at most WARNING_CAPS.perCode per code and WARNING_CAPS.total in all. */
  warnings: CsvWarning[];
  /** All warnings, uncapped (a file-level code such as CRLF counts once). */
  warningCount: number;
  /** Occurrences per code, uncapped: for CRLF the number of lines ending in `\r\n`. */
  warningCounts: Record<string, number>;
  preview: CsvPreview;
}
