import { type ColumnType, columnTypes, isNullMarker, isNumber, previewValue } from "./column-types";
import { decodeField, showValue } from "./field-text";
import { PlainRecords } from "./plain-records";
import type { RecordEnd, RecordSink } from "./scan-types";
import { SCAN_LIMITS } from "./scan-types";
import { CsvScanner } from "./scanner";
import type { WarningCollector } from "./warnings";

export const PREVIEW_ROWS = 100;
/** Bytes of one field kept for the preview and for messages; the rest is only counted. */
const CAPTURE_LIMIT = 4096;

type Cell = string | number | null;

/**
 * The row checks of a file whose header already passed: field counts, numbers, empties, quoting
 * and line endings, each warning on the line where its record starts. Owns the scanner it listens
 * to, so it can ask for every field's bytes exactly while it fills the preview. The first record
 * it sees is the header, which it only uses for the line-ending comparison.
 */
export class RecordChecks implements RecordSink {
  rows = 0;
  /** Data fields that were quoted: whether Athena needs a quote-aware SerDe. */
  quotedFields = 0;
  readonly previewRows: Cell[][] = [];
  readonly types: ColumnType[];
  private readonly scanner: CsvScanner;
  private inHeader = true;
  private headerCrlf = false;
  // Findings of the record being read, reported once its field count is known.
  private badNumberField = -1;
  private badNumberText = "";
  private badNumbers = 0;
  private emptyField = -1;
  private empties = 0;
  private previewRow: Cell[] | undefined;

  constructor(
    private readonly columns: readonly string[],
    private readonly warnings: WarningCollector,
  ) {
    this.types = columnTypes(columns);
    this.scanner = new CsvScanner(this, {
      delimiter: "|",
      captureMask: this.types.map((type) => type !== "text"),
      captureLimit: CAPTURE_LIMIT,
    });
  }

  /** The physical line the next byte belongs to. */
  get line(): number {
    return this.scanner.line;
  }

  push(chunk: Uint8Array): void {
    this.scanner.push(chunk);
  }

  finish(): void {
    this.scanner.finish();
    if (this.rows === 0) this.warnings.add("NO_ROWS", 1, "The file has its header but no data rows.");
  }

  field(
    index: number,
    bytes: Uint8Array | undefined,
    start: number,
    end: number,
    length: number,
    quoted: boolean,
  ): void {
    if (this.inHeader) return;
    if (quoted) this.quotedFields++;
    const type = this.types[index];
    const cut = end - start < length;
    if (length === 0) {
      if (this.emptyField < 0) this.emptyField = index;
      this.empties++;
    } else if (bytes && type !== undefined && type !== "text" && !isNullMarker(bytes, start, end)) {
      if (cut || !isNumber(bytes, start, end, type)) {
        if (this.badNumberField < 0) {
          this.badNumberField = index;
          this.badNumberText = showValue(decodeField(bytes.subarray(start, end), quoted));
        }
        this.badNumbers++;
      }
    }
    if (this.previewRow && type !== undefined) {
      const text = bytes ? decodeField(bytes.subarray(start, end), quoted) : "";
      this.previewRow[index] = cut ? `${text}…` : previewValue(text, type);
    }
  }

  record(end: RecordEnd): void {
    this.lineEnding(end);
    if (!end.finalNewline) {
      this.warnings.add(
        "NO_FINAL_NEWLINE",
        end.line,
        "The file does not end with a line break after its last line.",
      );
    }
    if (this.inHeader) {
      this.inHeader = false;
      // Under a CRLF header every LF line is a warning, so no line is plain then.
      if (!this.headerCrlf) this.scanner.plainRecords = new PlainRecords(this.types);
      this.nextRecord();
      return;
    }
    if (end.blank) {
      this.warnings.add(
        "BLANK_LINE",
        end.line,
        "Empty line: DuckDB skips it, so it is not counted as a row.",
      );
      this.nextRecord();
      return;
    }
    this.rows++;
    this.quoting(end);
    const expected = this.columns.length;
    if (end.fields !== expected) {
      const code = end.fields < expected ? "TOO_FEW_FIELDS" : "TOO_MANY_FIELDS";
      this.warnings.add(
        code,
        end.line,
        () =>
          `${end.fields} fields, expected ${expected}: DuckDB will refuse this line (a "|" missing, or one too many).`,
      );
    } else {
      this.valueProblems(end.line);
    }
    if (this.previewRow) this.previewRows.push(this.previewRow);
    this.nextRecord();
  }

  /** Rows the scanner counted as plain (`plain-records.ts`): counted, nothing to check. */
  plainRecords(count: number): void {
    this.rows += count;
  }

  private quoting(end: RecordEnd): void {
    const field = end.unterminatedQuoteField;
    if (field >= 0) {
      const where = end.unterminatedQuoteLine === end.line ? "" : ` on line ${end.unterminatedQuoteLine}`;
      const after = end.resynced
        ? "read as a literal character and the lines after it checked as rows of their own"
        : "given up on and the rest of that record skipped";
      this.warnings.add(
        "UNTERMINATED_QUOTE",
        end.line,
        () =>
          `${this.fieldName(field)} opens a quote${where} that is never closed (within ${SCAN_LIMITS.maxQuotedLines} line breaks or before the end of the file); it was ${after}. DuckDB will refuse this file.`,
      );
    } else if (end.lines > 1) {
      this.warnings.add(
        "MULTILINE_FIELD",
        end.line,
        () =>
          `This record spans lines ${end.line}–${end.line + end.lines - 1}: a quoted field holds line breaks. DuckDB reads it as one row; the challenge's files have none, so check for a stray quote.`,
      );
    }
    if (end.strayQuoteField >= 0) {
      const stray = end.strayQuoteField;
      this.warnings.add(
        "STRAY_QUOTE",
        end.line,
        () =>
          `${this.fieldName(stray)} starts with a quote, but text follows its closing quote: DuckDB will refuse this line (a field that starts with " must end with ").`,
      );
    }
    if (end.strayCrField >= 0) {
      const stray = end.strayCrField;
      this.warnings.add(
        "STRAY_CR",
        end.line,
        () =>
          `${this.fieldName(stray)} holds a carriage return (\\r) that does not end the line: DuckDB will refuse this line.`,
      );
    }
  }

  private fieldName(field: number): string {
    return `field ${field + 1} (${this.columns[field] ?? "beyond the header"})`;
  }

  private valueProblems(line: number): void {
    if (this.badNumberField >= 0) {
      const column = this.columns[this.badNumberField];
      const type = this.types[this.badNumberField] === "integer" ? "whole number" : "number";
      const more =
        this.badNumbers > 1 ? ` (and ${this.badNumbers - 1} more numeric field(s) on this line)` : "";
      const text = this.badNumberText;
      this.warnings.add(
        "NOT_A_NUMBER",
        line,
        () => `${column} is ${text}, not a ${type} or \\N${more}: DuckDB will read the column as text.`,
      );
    }
    if (this.emptyField >= 0) {
      const column = this.columns[this.emptyField];
      const more = this.empties > 1 ? ` (${this.empties} empty fields on this line)` : "";
      this.warnings.add(
        "EMPTY_FIELD",
        line,
        () =>
          `${column} is empty${more}; the null marker is \\N, and DuckDB reads an empty field as empty text, not null.`,
      );
    }
  }

  private lineEnding(end: RecordEnd): void {
    if (!end.finalNewline) return;
    if (this.inHeader) this.headerCrlf = end.crlf;
    if (end.crlf) {
      this.warnings.add(
        "CRLF",
        end.line,
        "Lines end with \\r\\n (Windows). RAW keeps them; warningCounts.CRLF counts every such line.",
      );
    }
    if (end.crlf !== this.headerCrlf) {
      const [mine, header] = end.crlf ? ["\\r\\n", "\\n"] : ["\\n", "\\r\\n"];
      this.warnings.add(
        "MIXED_LINE_ENDINGS",
        end.line,
        () =>
          `This line ends with ${mine} but the header with ${header}: DuckDB cannot read mixed line endings.`,
      );
    }
  }

  private nextRecord(): void {
    this.badNumberField = -1;
    this.badNumbers = 0;
    this.emptyField = -1;
    this.empties = 0;
    const previewing = this.rows < PREVIEW_ROWS;
    this.previewRow = previewing ? this.columns.map(() => null) : undefined;
    this.scanner.captureAll = previewing;
  }
}
