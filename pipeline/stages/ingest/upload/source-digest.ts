import { createHash, type Hash } from "node:crypto";

/**
 * MD5s of a file taken during the validation pass, so the S3 upload can check every part it sends
 * (and the object that lands) against the source without a second pass just for hashing: the
 * whole file's MD5 and one MD5 per `partSize` slice, in order.
 */
export class SourceDigest {
  private readonly whole = createHash("md5");
  private readonly parts: Buffer[] = [];
  private current: Hash = createHash("md5");
  private inPart = 0;
  private finished: { md5: string; parts: Buffer[] } | undefined;

  constructor(readonly partSize: number) {}

  update(chunk: Uint8Array): void {
    this.whole.update(chunk);
    let at = 0;
    while (at < chunk.length) {
      const take = Math.min(this.partSize - this.inPart, chunk.length - at);
      this.current.update(chunk.subarray(at, at + take));
      this.inPart += take;
      at += take;
      if (this.inPart === this.partSize) this.closePart();
    }
  }

  /** Hex MD5 of the whole file, and the binary MD5 of each part. */
  result(): { md5: string; parts: Buffer[] } {
    if (!this.finished) {
      if (this.inPart > 0 || this.parts.length === 0) this.closePart();
      this.finished = { md5: this.whole.digest("hex"), parts: this.parts };
    }
    return this.finished;
  }

  private closePart(): void {
    this.parts.push(this.current.digest());
    this.current = createHash("md5");
    this.inPart = 0;
  }
}

/** Passes chunks through unchanged, feeding each to `digest` on the way. */
export async function* digesting(
  source: AsyncIterable<Uint8Array>,
  digest: SourceDigest | undefined,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    digest?.update(chunk);
    yield chunk;
  }
}
