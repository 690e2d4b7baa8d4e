/**
 * What an Athena query costs: $5 per TB scanned, each query billed in whole megabytes with a
 * 10 MB minimum. AWS bills in binary units (1 MB = 2^20 bytes, 1 TB = 2^40 bytes), so a
 * 1 TB scan costs exactly $5. DDL and failed queries scan nothing and cost nothing; a cancelled
 * query is billed for what it scanned before it stopped, which is why the cost follows the bytes.
 * Pure functions: the adapter and the SQL stage show the same numbers before and after a run.
 */
export const USD_PER_TB = 5;
export const MEGABYTE = 2 ** 20;
export const TERABYTE = 2 ** 40;
export const MINIMUM_BILLED_BYTES = 10 * MEGABYTE;

export interface AthenaCost {
  /** What Athena reported (or the estimate's upper bound) before rounding. */
  scannedBytes: number;
  /** Rounded up to whole MB, at least 10 MB; 0 when nothing was scanned. */
  billedBytes: number;
  usd: number;
}

/** The bytes Athena bills for one query that scanned `scannedBytes`. */
export function billedBytes(scannedBytes: number): number {
  if (!Number.isFinite(scannedBytes) || scannedBytes < 0) {
    throw new RangeError(`scanned bytes must be a non-negative number, not ${scannedBytes}`);
  }
  // A query that scanned nothing (DDL, a failure before reading) is not billed at all.
  if (scannedBytes === 0) return 0;
  return Math.max(MINIMUM_BILLED_BYTES, Math.ceil(scannedBytes / MEGABYTE) * MEGABYTE);
}

export function athenaCost(scannedBytes: number): AthenaCost {
  const billed = billedBytes(scannedBytes);
  return { scannedBytes, billedBytes: billed, usd: (billed / TERABYTE) * USD_PER_TB };
}

/** "$0.000048" for small amounts (students see that a query cost something), "$1.25" above a cent. */
export function formatUsd(usd: number): string {
  if (usd === 0) return "$0";
  if (usd >= 0.01) return `$${usd.toFixed(2)}`;
  return `$${usd.toPrecision(2).replace(/0+$/, "")}`;
}

/** "12.3 MB": binary units, as billed. */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB", "PB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

/** One table a query reads, with the total size of the objects under its location (the caller lists them). */
export interface ScannedTable {
  table: string;
  bytes: number;
}

export interface AthenaCostEstimate extends AthenaCost {
  tables: ScannedTable[];
  /** Said beside the number: Parquet column pruning and partition filters usually scan far less. */
  note: string;
}

/**
 * The upper bound before running: Athena never scans more than every object of every table the
 * query reads. Pass one entry per table reference: a self-join reads its table twice.
 */
export function estimateAthenaCost(tables: readonly ScannedTable[]): AthenaCostEstimate {
  const scanned = tables.reduce((sum, table) => sum + table.bytes, 0);
  const cost = tables.length === 0 ? athenaCost(0) : athenaCost(scanned);
  return {
    ...cost,
    tables: [...tables],
    note:
      "An upper bound: the full size of every table read. Parquet reads only the columns used and " +
      "partition filters skip folders, so the real scan is usually smaller.",
  };
}

/** "scanned 12.3 MB, billed 13.0 MB → $0.000062" for summaries and logs. */
export function describeAthenaCost(cost: AthenaCost): string {
  return `scanned ${formatBytes(cost.scannedBytes)}, billed ${formatBytes(cost.billedBytes)} → ${formatUsd(cost.usd)}`;
}
