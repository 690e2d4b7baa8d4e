/**
 * Deterministic randomness for the demo data. Nothing here touches Math.random or the clock, so
 * the generated CSVs are byte-identical on every run and every machine.
 */

/** The seeds of the generated parts. Changing one changes the demo data, so the README lists them. */
export const SEEDS = {
  /** Artist pool: names, birth/death years, professions. */
  artistPool: 0x1a4eb00c,
  /** Series catalogue: titles, years, genres, ratings. */
  series: 0x5e41e500,
} as const;

/**
 * 32-bit FNV-1a over the string's UTF-16 code units. Stable across platforms and Node versions
 * (no locale or encoding involved), which is all the ids and per-title seeds need.
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny, well-known seeded PRNG; good enough for plausible-looking demo data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Convenience wrapper over mulberry32 with the few draws the generators need. */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Seeded from a string (e.g. a title id), so each title's draws are independent of the others. */
  static fromKey(key: string): Rng {
    return new Rng(hash32(key));
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("Rng.pick: empty list");
    return item;
  }

  /** Picks by relative weight: `[["Horror", 3], ["Drama", 1]]` draws Horror three times as often. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new Error("Rng.weighted: empty list");
    return last[0];
  }
}
