import { isUtf8 } from "node:buffer";

const LF = 0x0a;

/**
 * Streaming UTF-8 validation that names lines. The common case costs one native `isUtf8` call per
 * chunk (far faster than a TextDecoder or a JS loop); only a chunk that fails it is walked byte by
 * byte to find which lines hold the bad sequences. A character split between chunks is carried
 * as decoder state, so where the chunks are cut never matters. The rules are the Unicode
 * well-formed table: no overlongs, no surrogates, nothing above U+10FFFF.
 */
export class Utf8LineChecker {
  private need = 0; // continuation bytes still expected
  private lower = 0x80;
  private upper = 0xbf;
  private lastReported = 0;

  constructor(private readonly onInvalid: (line: number) => void) {}

  /** `line` is the physical line the chunk's first byte belongs to. */
  push(chunk: Uint8Array, line: number): void {
    let start = 0;
    if (this.need > 0) {
      // Finish the character the previous chunk cut, byte by byte.
      while (start < chunk.length && this.need > 0) line = this.step(chunk[start++] as number, line);
      if (this.need > 0) return;
    }
    const end = completeEnd(chunk, start);
    if (!isUtf8(chunk.subarray(start, end))) {
      for (let i = start; i < end; i++) line = this.step(chunk[i] as number, line);
    }
    // The cut character at the end (no line break in it) only sets up state for the next chunk.
    for (let i = end; i < chunk.length; i++) line = this.step(chunk[i] as number, line);
  }

  finish(line: number): void {
    if (this.need > 0) this.report(line);
    this.need = 0;
  }

  private step(b: number, line: number): number {
    if (this.need > 0) {
      if (b >= this.lower && b <= this.upper) {
        this.need--;
        this.lower = 0x80;
        this.upper = 0xbf;
        return line;
      }
      // A broken sequence; the byte that broke it starts afresh (as decoders do).
      this.report(line);
      this.need = 0;
      this.lower = 0x80;
      this.upper = 0xbf;
    }
    if (b < 0x80) return b === LF ? line + 1 : line;
    if (b >= 0xc2 && b <= 0xdf) this.expect(1, 0x80, 0xbf);
    else if (b === 0xe0) this.expect(2, 0xa0, 0xbf);
    else if (b === 0xed) this.expect(2, 0x80, 0x9f);
    else if (b >= 0xe1 && b <= 0xef) this.expect(2, 0x80, 0xbf);
    else if (b === 0xf0) this.expect(3, 0x90, 0xbf);
    else if (b === 0xf4) this.expect(3, 0x80, 0x8f);
    else if (b >= 0xf1 && b <= 0xf3) this.expect(3, 0x80, 0xbf);
    else this.report(line);
    return line;
  }

  private expect(need: number, lower: number, upper: number): void {
    this.need = need;
    this.lower = lower;
    this.upper = upper;
  }

  private report(line: number): void {
    if (line === this.lastReported) return;
    this.lastReported = line;
    this.onInvalid(line);
  }
}

/** Where the chunk's last complete character ends: a trailing lead byte still missing its continuation bytes is left out. */
function completeEnd(chunk: Uint8Array, start: number): number {
  const n = chunk.length;
  for (let back = 1; back <= 3 && n - back >= start; back++) {
    const b = chunk[n - back] as number;
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return size > back ? n - back : n;
    }
  }
  return n;
}
