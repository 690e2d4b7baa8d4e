import { ByteBuffer } from "./byte-buffer";
import type { PlainRecords } from "./plain-records";
import { RecordBuilder } from "./record-builder";
import { type RecordSink, SCAN_LIMITS, type ScanOptions } from "./scan-types";

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;
const EMPTY = new Uint8Array(0);

// States of the field machine (README.md states the quoting rule they implement).
const START = 0; // nothing of the field read yet
const LEADING = 1; // only spaces so far: a quote now still opens a quoted field, as in DuckDB
const UNQUOTED = 2;
const QUOTED = 3;
const QUOTE_SEEN = 4; // a quote inside a quoted field: the closing one, or the first of `""`
const AFTER_QUOTE = 5; // spaces after the closing quote, which DuckDB ignores

/**
 * After a line fails `plainRecords`, the next 1, 3, 7 … up to 63 records go straight to the byte
 * machine, so a file where no line is plain (CRLF, say) pays for one try in 64, not one per line.
 */
const PLAIN_MAX_WAIT = 63;

/**
 * The one-pass byte scanner under the validator: finds records and fields in chunks cut anywhere
 * and counts physical lines; `RecordBuilder` hands the fields to the sink. State stays on the
 * instance between chunks, so the result never depends on where the chunks were cut.
 *
 * An open quote is bounded: after `maxQuotedLines` line breaks (or at the end of the input) it is
 * taken as a literal character and the bytes after it are scanned again as ordinary lines, so a
 * stray `"` costs one warning, not the rest of the file. The bytes since the quote are kept for
 * that replay up to `maxQuotedBytes`; past that the record just ends where the scanner gave up.
 */
export class CsvScanner {
  /** Physical line being read, 1-based. */
  line = 1;
  /**
   * Whole lines this counts are rows the sink has nothing to say about: they are counted
   * (`RecordSink.plainRecords`) without the byte machine. The sink sets it when it wants that.
   */
  plainRecords: PlainRecords | undefined;

  private readonly delimiter: number;
  private readonly maxQuotedLines: number;
  private readonly out: RecordBuilder;
  private readonly quotedBytes: ByteBuffer;
  private state = START;
  private quoteLine = 0;
  private quoteLines = 0;
  private quotedStart = 0;
  private lastByte = -1;
  private crPending = false;
  private replay: Uint8Array | undefined;
  private plainChunk: Uint8Array | undefined; // the chunk the counter holds, copied when first needed
  private plainWait = 0;
  private plainMisses = 0;

  constructor(sink: RecordSink, options: ScanOptions) {
    if (options.delimiter.length !== 1 || options.delimiter.charCodeAt(0) > 0x7f) {
      throw new Error(`delimiter must be one ASCII character, got ${JSON.stringify(options.delimiter)}`);
    }
    this.delimiter = options.delimiter.charCodeAt(0);
    this.maxQuotedLines = options.maxQuotedLines ?? SCAN_LIMITS.maxQuotedLines;
    this.quotedBytes = new ByteBuffer(options.maxQuotedBytes ?? SCAN_LIMITS.maxQuotedBytes);
    this.out = new RecordBuilder(
      sink,
      options.captureMask ?? [],
      options.captureLimit ?? Number.POSITIVE_INFINITY,
    );
  }

  /** Hand every field's bytes to the sink, not only the `captureMask` ones (for preview rows). */
  set captureAll(value: boolean) {
    this.out.captureAll = value;
  }

  push(chunk: Uint8Array): void {
    let from = 0;
    for (;;) {
      from = this.scan(chunk, from);
      if (from < 0) return;
      this.runReplay();
    }
  }

  /** End of input: an open quote is replayed as literal, then a last record without `\n` ends. */
  finish(): void {
    this.settleCr();
    while (this.state === QUOTED && !this.quotedBytes.overflowed) {
      this.prepareReplay(this.quotedBytes.copy());
      this.runReplay();
      this.settleCr();
    }
    if (this.state === QUOTED) this.out.markUnterminatedQuote(this.quoteLine, false);
    if (this.state === START && this.out.fieldIndex === 0) return;
    this.out.valueStart = 0;
    this.out.endField(EMPTY, 0, false, this.state === QUOTE_SEEN || this.state === AFTER_QUOTE);
    this.out.endRecord(this.line, false, false);
    this.state = START;
  }

  /** Scans `chunk` from `from`; returns -1 when done, or where to resume after a replay. */
  private scan(chunk: Uint8Array, from: number): number {
    const n = chunk.length;
    const delimiter = this.delimiter;
    const out = this.out;
    let state = this.state;
    let i = from;
    out.valueStart = from;
    this.quotedStart = from;
    this.plainChunk = undefined;
    if (this.crPending && i < n) {
      this.crPending = false;
      if (chunk[i] !== LF) out.markStrayCr();
    }
    while (i < n) {
      if (state === UNQUOTED) {
        let b = chunk[i] as number;
        // One comparison for the usual byte: text is above \r, and so is "|".
        while (b > CR ? b !== delimiter : b !== LF && b !== CR && b !== delimiter) {
          if (++i === n) break;
          b = chunk[i] as number;
        }
        if (i === n) break;
        if (b === CR) {
          this.checkCr(chunk, i++);
        } else if (b === delimiter) {
          out.endField(chunk, i++, false, false);
          out.fieldIndex++;
          // Fast path: most fields are plain text, so skip the START dispatch for them.
          const next = i < n ? (chunk[i] as number) : QUOTE;
          if (next > SPACE && next !== QUOTE && next !== delimiter) out.startField(i);
          else state = START;
        } else {
          const crlf = (i > from ? chunk[i - 1] : this.lastByte) === CR;
          out.endField(chunk, i++, crlf, false);
          out.endRecord(this.line++, crlf, true);
          state = START;
        }
      } else if (state === QUOTED) {
        let b = chunk[i] as number;
        while (b !== QUOTE && b !== LF) {
          if (++i === n) break;
          b = chunk[i] as number;
        }
        if (i === n) break;
        i++;
        if (b === QUOTE) {
          state = QUOTE_SEEN;
          continue;
        }
        this.line++;
        const fits = this.quotedBytes.length + (i - this.quotedStart) <= this.quotedBytes.capacity;
        if (++this.quoteLines <= this.maxQuotedLines && fits) continue;
        if (fits && !this.quotedBytes.overflowed) {
          // Give up on the quote: rescan everything after it as plain lines.
          this.quotedBytes.append(chunk, this.quotedStart, i);
          this.prepareReplay(this.quotedBytes.copy());
          return i;
        }
        out.markUnterminatedQuote(this.quoteLine, false);
        out.endField(chunk, i - 1, false, false);
        out.endRecord(this.line - 1, false, true);
        state = START;
      } else if (state === START) {
        if (out.fieldIndex === 0 && this.plainRecords !== undefined && !out.captureAll) {
          i = this.skipPlainRecords(chunk, i);
          if (i === n) break;
        }
        const b = chunk[i] as number;
        out.startField(i);
        if (b === QUOTE) {
          state = this.openQuote(i++);
        } else if (b === delimiter) {
          out.endField(chunk, i++, false, false);
          out.fieldIndex++;
        } else if (b === LF) {
          out.endField(chunk, i++, false, false);
          out.endRecord(this.line++, false, true);
        } else if (b === SPACE) {
          state = LEADING;
          i++;
        } else state = UNQUOTED;
      } else if (state === LEADING) {
        const b = chunk[i] as number;
        if (b === SPACE) i++;
        else if (b === QUOTE) state = this.openQuote(i++);
        else state = UNQUOTED;
      } else {
        // QUOTE_SEEN or AFTER_QUOTE
        const b = chunk[i] as number;
        if (b === QUOTE && state === QUOTE_SEEN) {
          state = QUOTED;
          i++;
        } else if (b === SPACE || b === CR) {
          if (b === CR) this.checkCr(chunk, i);
          out.afterQuote++;
          state = AFTER_QUOTE;
          i++;
        } else if (b === delimiter) {
          out.endField(chunk, i++, false, true);
          out.fieldIndex++;
          state = START;
        } else if (b === LF) {
          const crlf = (i > from ? chunk[i - 1] : this.lastByte) === CR;
          out.endField(chunk, i++, false, true);
          out.endRecord(this.line++, crlf, true);
          state = START;
        } else {
          // Text after the closing quote: DuckDB refuses the line; we read on as plain text.
          out.markStrayQuote();
          out.quoted = false;
          out.afterQuote = 0;
          state = UNQUOTED;
        }
      }
    }
    this.state = state;
    this.plainChunk = undefined;
    if (n > from) this.lastByte = chunk[n - 1] as number;
    if (state !== START) {
      out.carry(chunk, n);
      if (state === QUOTED || state === QUOTE_SEEN) this.quotedBytes.append(chunk, this.quotedStart, n);
    }
    return -1;
  }

  /** Counts the plain records from `from` on (a record starts there); returns where they end. */
  private skipPlainRecords(chunk: Uint8Array, from: number): number {
    if (this.plainWait > 0) {
      this.plainWait--;
      return from;
    }
    const plain = this.plainRecords as PlainRecords;
    if (this.plainChunk !== chunk) {
      plain.load(chunk);
      this.plainChunk = chunk;
    }
    const { records, end } = plain.count(from);
    if (records === 0) {
      this.plainMisses = Math.min(this.plainMisses * 2 + 1, PLAIN_MAX_WAIT);
      this.plainWait = this.plainMisses;
      return from;
    }
    this.plainMisses = 0;
    this.out.plainRecords(records);
    this.line += records;
    return end;
  }

  private openQuote(at: number): number {
    this.out.restartValue(at + 1);
    this.out.quoted = true;
    this.out.afterQuote = 0;
    this.quotedStart = at + 1;
    this.quoteLine = this.line;
    this.quoteLines = 0;
    this.quotedBytes.clear();
    return QUOTED;
  }

  /** The open quote becomes a literal character; the bytes after it will be scanned again. */
  private prepareReplay(bytes: Uint8Array): void {
    this.out.markUnterminatedQuote(this.quoteLine, true);
    this.out.restartWithLiteralQuote();
    this.state = UNQUOTED;
    this.line = this.quoteLine;
    this.lastByte = QUOTE;
    this.crPending = false;
    this.quotedBytes.clear();
    this.replay = bytes;
  }

  private runReplay(): void {
    const bytes = this.replay;
    this.replay = undefined;
    if (bytes) this.push(bytes);
  }

  /** A `\r` is a line ending only right before `\n`; anywhere else DuckDB rejects the line. */
  private checkCr(chunk: Uint8Array, at: number): void {
    if (at + 1 < chunk.length) {
      if (chunk[at + 1] !== LF) this.out.markStrayCr();
    } else this.crPending = true;
  }

  /** At the end of input a pending `\r` has no `\n` after it. */
  private settleCr(): void {
    if (this.crPending) this.out.markStrayCr();
    this.crPending = false;
  }
}
