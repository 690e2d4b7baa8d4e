import type { FileHandle } from "node:fs/promises";

/** How many bytes are written between two early flushes. */
export const EARLY_FLUSH_BYTES = 16 * 1024 * 1024;

/**
 * Sends a large file's bytes to the disk while the file is still being written. Linux keeps the
 * written pages in memory until the final fsync (its background writeback starts only when a
 * tenth of the RAM is waiting), so that fsync waits for all of them at once: about 130 ms for the
 * full-size movies.csv here, while the ingest sits idle. A `datasync` started every 16 MB and not
 * awaited lets the disk work while the caller goes on computing; the final fsync, which still
 * decides what a crash leaves, then has little left to do. One flush runs at a time; a failure is
 * kept and thrown by `settle`, which the writer awaits before its fsync and before closing the
 * file (never close a file a flush is still using).
 */
export class EarlyFlush {
  private running: Promise<void> | undefined;
  private failure: { error: unknown } | undefined;
  private unflushed = 0;

  constructor(
    private readonly file: Pick<FileHandle, "datasync">,
    private readonly every = EARLY_FLUSH_BYTES,
  ) {}

  /** `bytes` more were written. */
  wrote(bytes: number): void {
    this.unflushed += bytes;
    if (this.unflushed < this.every || this.running) return;
    this.unflushed = 0;
    this.running = this.file.datasync().then(
      () => {
        this.running = undefined;
      },
      (error: unknown) => {
        this.failure ??= { error };
        this.running = undefined;
      },
    );
  }

  /** Waits for the flush still running, and throws the first flush's failure. */
  async settle(): Promise<void> {
    await this.running;
    if (this.failure) throw this.failure.error;
  }
}
