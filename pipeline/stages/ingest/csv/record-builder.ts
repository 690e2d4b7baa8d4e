import { ByteBuffer } from "./byte-buffer";
import type { RecordEnd, RecordSink } from "./scan-types";

const QUOTE = 0x22;

/**
 * The scanner's output side: where the current field started, which of its bytes to keep (a view
 * into the chunk when the field fits in it, a copy only when it straddles chunks), and what to
 * tell the sink when a field or a record ends. The scanner decides *when*; this decides *what*.
 */
export class RecordBuilder {
  captureAll = false;
  fieldIndex = 0;
  /** Where the current field's value starts in the chunk being scanned. */
  valueStart = 0;
  /** The current field opened with a quote (and has not turned into plain text since). */
  quoted = false;
  /** Spaces and `\r` seen after the closing quote; they are not part of the value. */
  afterQuote = 0;

  private readonly fieldBytes: ByteBuffer;
  private carried = 0; // bytes of the current field that came in earlier chunks
  private capture = false;
  private lastLength = 0;
  private lastQuoted = false;
  private recordLine = 1;
  private readonly end: RecordEnd = {
    line: 1,
    lines: 1,
    fields: 0,
    crlf: false,
    finalNewline: true,
    blank: false,
    strayQuoteField: -1,
    strayCrField: -1,
    unterminatedQuoteField: -1,
    unterminatedQuoteLine: 0,
    resynced: false,
  };

  constructor(
    private readonly sink: RecordSink,
    private readonly captureMask: readonly boolean[],
    captureLimit: number,
  ) {
    this.fieldBytes = new ByteBuffer(captureLimit);
  }

  startField(at: number): void {
    this.valueStart = at;
    this.carried = 0;
    this.capture = this.captureAll || this.captureMask[this.fieldIndex] === true;
  }

  /** The value restarts at `at` (spaces before an opening quote are not part of it). */
  restartValue(at: number): void {
    this.valueStart = at;
    this.carried = 0;
    this.fieldBytes.clear();
  }

  /** The chunk ends inside the field: keep what the sink will need. */
  carry(chunk: Uint8Array, end: number): void {
    this.carried += end - this.valueStart;
    if (this.capture) this.fieldBytes.append(chunk, this.valueStart, end);
  }

  /** An opening quote turned out to be literal: the field is plain text starting with `"`. */
  restartWithLiteralQuote(): void {
    this.quoted = false;
    this.fieldBytes.clear();
    if (this.capture) this.fieldBytes.pushByte(QUOTE);
    this.carried = 1;
  }

  endField(chunk: Uint8Array, at: number, crlf: boolean, closed: boolean): void {
    const raw = this.carried + (at - this.valueStart);
    const length = raw - (closed ? 1 + this.afterQuote : crlf ? 1 : 0);
    const quoted = this.quoted && closed;
    if (!this.capture) {
      // Empty and quoted fields are the sink's business even uncaptured (warnings, the SerDe).
      if (length === 0 || quoted) this.sink.field(this.fieldIndex, undefined, 0, 0, length, quoted);
    } else if (this.carried === 0) {
      const start = this.valueStart;
      this.sink.field(
        this.fieldIndex,
        chunk,
        start,
        start + Math.min(length, this.fieldBytes.capacity),
        length,
        quoted,
      );
    } else {
      this.fieldBytes.append(chunk, this.valueStart, at);
      const kept = Math.min(this.fieldBytes.length, length);
      this.sink.field(this.fieldIndex, this.fieldBytes.bytes, 0, kept, length, quoted);
    }
    this.lastLength = length;
    this.lastQuoted = this.quoted;
    this.carried = 0;
    this.quoted = false;
    this.afterQuote = 0;
    if (this.fieldBytes.length > 0) this.fieldBytes.clear();
  }

  /** `line` is the physical line of the record's last line break (or of its end, at EOF). */
  endRecord(line: number, crlf: boolean, finalNewline: boolean): void {
    const end = this.end;
    end.line = this.recordLine;
    end.lines = line - this.recordLine + 1;
    end.fields = this.fieldIndex + 1;
    end.crlf = crlf;
    end.finalNewline = finalNewline;
    end.blank = end.fields === 1 && this.lastLength === 0 && !this.lastQuoted;
    this.sink.record(end);
    end.strayQuoteField = -1;
    end.strayCrField = -1;
    end.unterminatedQuoteField = -1;
    end.resynced = false;
    this.fieldIndex = 0;
    this.recordLine = line + 1;
  }

  /** `count` whole records, each on one line, that the scanner matched as plain (no fields seen). */
  plainRecords(count: number): void {
    this.recordLine += count;
    this.sink.plainRecords?.(count);
  }

  markStrayQuote(): void {
    if (this.end.strayQuoteField < 0) this.end.strayQuoteField = this.fieldIndex;
  }

  markStrayCr(): void {
    if (this.end.strayCrField < 0) this.end.strayCrField = this.fieldIndex;
  }

  markUnterminatedQuote(line: number, resynced: boolean): void {
    if (this.end.unterminatedQuoteField >= 0) return;
    this.end.unterminatedQuoteField = this.fieldIndex;
    this.end.unterminatedQuoteLine = line;
    this.end.resynced = resynced;
  }
}
