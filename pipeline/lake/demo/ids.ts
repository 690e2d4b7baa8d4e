import { hash32 } from "./random";

/** IMDb-style ids have 7 digits after `tt`; 0 is never used by IMDb, so neither do we. */
const ID_SPACE = 9_999_999;

/**
 * Hands out unique `tt` + 7-digit ids derived from a stable hash of a key (title + year). A
 * collision is resolved by linear probing to the next free number, so the result depends only on
 * the keys and the order they are allocated in; callers allocate in a sorted order to keep that
 * order itself independent of how the source happens to be arranged. One allocator serves both
 * files, which is what keeps movie and series ids disjoint.
 */
export class IdAllocator {
  private readonly used = new Set<number>();

  allocate(key: string): string {
    let n = (hash32(key) % ID_SPACE) + 1;
    while (this.used.has(n)) n = (n % ID_SPACE) + 1;
    this.used.add(n);
    return `tt${String(n).padStart(7, "0")}`;
  }

  /**
   * Allocates ids for many keys at once in an order that does not depend on the input order
   * (by hash, then key, then input position for exact duplicates).
   */
  allocateAll(keys: readonly string[]): string[] {
    const order = keys
      .map((key, index) => ({ key, index, hash: hash32(key) }))
      .sort((a, b) => a.hash - b.hash || compareStrings(a.key, b.key) || a.index - b.index);
    const ids = new Array<string>(keys.length);
    for (const { key, index } of order) ids[index] = this.allocate(key);
    return ids;
  }
}

/** Code-unit comparison: locale-independent, so sorting is identical everywhere. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
