/**
 * A growable byte buffer with an optional cap. The scanner uses it for the bytes of a field or a
 * quoted stretch that straddles two chunks; the cap keeps a pathological field (a 100 MB line)
 * from pulling the file into memory: past it, bytes are counted but not kept.
 */
export class ByteBuffer {
  private data: Uint8Array;
  length = 0;
  /** True once something was dropped because of the cap. */
  overflowed = false;

  constructor(
    private readonly cap: number,
    initial = 256,
  ) {
    this.data = new Uint8Array(Math.min(initial, Math.max(cap, 1)));
  }

  get capacity(): number {
    return this.cap;
  }

  append(source: Uint8Array, start: number, end: number): void {
    if (end <= start) return;
    const room = this.cap - this.length;
    const take = Math.min(end - start, room);
    if (take < end - start) this.overflowed = true;
    if (take <= 0) return;
    this.reserve(this.length + take);
    this.data.set(source.subarray(start, start + take), this.length);
    this.length += take;
  }

  pushByte(byte: number): void {
    if (this.length >= this.cap) {
      this.overflowed = true;
      return;
    }
    this.reserve(this.length + 1);
    this.data[this.length++] = byte;
  }

  /** The backing array (kept bytes are [0, length)); valid until the next append. No view is made. */
  get bytes(): Uint8Array {
    return this.data;
  }

  /** A view of the kept bytes; valid until the next append or clear. */
  view(): Uint8Array {
    return this.data.subarray(0, this.length);
  }

  /** A copy of the kept bytes that later appends cannot change. */
  copy(): Uint8Array {
    return this.data.slice(0, this.length);
  }

  clear(): void {
    this.length = 0;
    this.overflowed = false;
  }

  private reserve(size: number): void {
    if (size <= this.data.length) return;
    let next = this.data.length * 2;
    while (next < size) next *= 2;
    const grown = new Uint8Array(Math.min(next, Math.max(this.cap, size)));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
}
