import { SNIFF_BYTES } from "./sniff";

/** The header must end within this many bytes; the real one is 180. */
export const HEADER_MAX_BYTES = 64 * 1024;
const LF = 0x0a;

/**
 * Collects the file's first bytes until the sniff window and the header line are both in hand
 * (or the file ends), so the binary check and the header check see the same bytes however the
 * source happens to be chunked.
 */
export class HeadBuffer {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  private sawLineBreak = false;

  add(chunk: Uint8Array): void {
    // A copy: the reader may reuse the chunk's buffer once the validator returns.
    this.chunks.push(chunk.slice());
    this.size += chunk.length;
    if (!this.sawLineBreak) this.sawLineBreak = chunk.includes(LF);
  }

  get ready(): boolean {
    return this.size >= HEADER_MAX_BYTES || (this.size >= SNIFF_BYTES && this.sawLineBreak);
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

/** Where the header line ends (index of its `\n`, or the end of a file with no line break), or -1 past the limit. */
export function headerEnd(head: Uint8Array, wholeFile: boolean): number {
  const lf = head.subarray(0, HEADER_MAX_BYTES).indexOf(LF);
  if (lf >= 0) return lf;
  return wholeFile && head.length <= HEADER_MAX_BYTES ? head.length : -1;
}
