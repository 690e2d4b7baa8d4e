/**
 * One chunk at a time from a message-based transport (IPC) to an upload method that reads an
 * async iterable. `push` resolves only when the reader has taken the chunk and asks for the next,
 * so the sender waits for the disk: that wait is the back-pressure.
 */
export class ChunkPipe implements AsyncIterable<Uint8Array> {
  #chunk: Uint8Array | undefined;
  #ended = false;
  #failure: Error | undefined;
  /** The reader is waiting for a chunk. */
  #waiting = false;
  #wakeReader: (() => void) | undefined;
  #wakeSender: (() => void) | undefined;

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (;;) {
      if (this.#chunk === undefined && !this.#ended && this.#failure === undefined) {
        this.#waiting = true;
        this.#wake("sender");
        await new Promise<void>((resolve) => {
          this.#wakeReader = resolve;
        });
        this.#waiting = false;
      }
      if (this.#failure) throw this.#failure;
      const chunk = this.#chunk;
      if (chunk === undefined) return;
      this.#chunk = undefined;
      yield chunk;
    }
  }

  /** Resolves once the reader asks for (more) bytes: at once when it already waits. */
  wanted(): Promise<void> {
    if (this.#waiting && this.#chunk === undefined) return Promise.resolve();
    return new Promise((resolve) => {
      this.#wakeSender = resolve;
    });
  }

  push(chunk: Uint8Array): Promise<void> {
    if (this.#chunk !== undefined || this.#ended)
      throw new Error("ChunkPipe: one chunk at a time, none after end");
    this.#chunk = chunk;
    this.#wake("reader");
    return this.wanted();
  }

  end(): void {
    this.#ended = true;
    this.#wake("reader");
  }

  fail(error: Error): void {
    this.#failure = error;
    this.#wake("reader");
  }

  #wake(who: "reader" | "sender"): void {
    const wake = who === "reader" ? this.#wakeReader : this.#wakeSender;
    if (who === "reader") this.#wakeReader = undefined;
    else this.#wakeSender = undefined;
    wake?.();
  }
}
