/**
 * Hands on results in the order the work was taken, whatever order it finishes in. Workers finish
 * out of order; releasing records in title order makes which records share a file depend only on
 * the titles, so two runs of the same titles (local or on Lambda) write byte-identical files.
 */
export class InOrder<T> {
  private readonly waiting = new Map<number, T | undefined>();
  private nextIndex = 0;

  constructor(private readonly release: (item: T) => void) {}

  /** Item `index` is settled (`undefined`: nothing to hand on); releases every settled item in order. */
  settle(index: number, item: T | undefined): void {
    this.waiting.set(index, item);
    while (this.waiting.has(this.nextIndex)) {
      const ready = this.waiting.get(this.nextIndex);
      this.waiting.delete(this.nextIndex);
      this.nextIndex += 1;
      if (ready !== undefined) this.release(ready);
    }
  }
}
