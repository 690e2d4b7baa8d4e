/**
 * How a file is cut into multipart parts. S3 allows parts of 5 MiB..5 GiB (the last may be smaller)
 * and at most 10,000 of them; 8 MiB keeps four parts in flight at 32 MiB of buffers and cuts the
 * 172 MB movies.csv into 21 parts, so a dropped connection costs at most a few parts.
 */
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
export const MIN_PART_SIZE = 5 * 1024 * 1024;
export const MAX_PARTS = 10_000;

export interface PartRange {
  /** 1-based, as S3 numbers parts. */
  number: number;
  offset: number;
  size: number;
}

/**
 * The part size for a file of `size` bytes: `preferred` (default 8 MiB), grown in whole MiB when
 * the file would need more than 10,000 parts. `preferred` below 5 MiB is only for tests against
 * servers that do not enforce the minimum.
 */
export function planPartSize(size: number, preferred = DEFAULT_PART_SIZE): number {
  if (Math.ceil(size / preferred) <= MAX_PARTS) return preferred;
  const mib = 1024 * 1024;
  return Math.ceil(size / MAX_PARTS / mib) * mib;
}

/** The parts of a `size`-byte file; one empty part for an empty file. */
export function partRanges(size: number, partSize: number): PartRange[] {
  if (!Number.isSafeInteger(partSize) || partSize < 1) throw new RangeError(`bad part size ${partSize}`);
  const parts: PartRange[] = [];
  for (let offset = 0, number = 1; offset < size || number === 1; offset += partSize, number++) {
    parts.push({ number, offset, size: Math.min(partSize, size - offset) });
    if (size === 0) break;
  }
  return parts;
}
