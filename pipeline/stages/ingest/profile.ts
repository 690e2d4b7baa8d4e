import type { IngestedFile, Row } from "../../contract";
import { type Engine, quoteIdentifier, quoteString } from "../../engine";
import type { ColumnType } from "./csv";

export type CsvProfile = NonNullable<IngestedFile["profile"]>;
type ColumnProfile = CsvProfile["columns"][number];

export const TOP_VALUES = 5;

/**
 * The challenge's reader, as TRUSTED will use it: `|`, a header, `\N` as null, `"` quotes with
 * `""` inside. Every column is read as text and numbers are cast where the column is numeric, so
 * min/max compare 999 < 1000. `ignore_errors` skips the lines DuckDB cannot read (the validator
 * has already named them as warnings) instead of failing the whole profile.
 */
export function challengeCsvReader(path: string): string {
  return `read_csv(${quoteString(path)}, delim = '|', header = true, nullstr = '\\N', quote = '"', escape = '"', all_varchar = true, ignore_errors = true)`;
}

/**
 * Per column: null ratio, distinct estimate, min/max and the top values with their counts, in two
 * streaming scans of the local file (aggregates and sketches only: memory stays flat at any size).
 * The first takes count, approx_count_distinct, min, max and approx_top_k together; the second
 * counts exactly how often each of those top values occurs.
 */
export async function profileCsv(
  engine: Engine,
  path: string,
  columns: readonly { name: string; type: ColumnType }[],
  signal?: AbortSignal,
): Promise<CsvProfile> {
  const source = challengeCsvReader(path);
  const select = columns.flatMap((column, i) => {
    const name = quoteIdentifier(column.name);
    const typed = typedValue(name, column.type);
    return [
      `count(${name}) AS n${i}`,
      `approx_count_distinct(${name}) AS d${i}`,
      `min(${typed}) AS lo${i}`,
      `max(${typed}) AS hi${i}`,
      `approx_top_k(${name}, ${TOP_VALUES}) AS t${i}`,
    ];
  });
  const [summary] = await rowsOf(engine, `SELECT count(*) AS n, ${select.join(", ")} FROM ${source}`, signal);
  const rows = numberOf(summary?.n);
  const tops = columns.map((_, i) =>
    Array.isArray(summary?.[`t${i}`]) ? (summary?.[`t${i}`] as unknown[]) : [],
  );
  const counts = await topCounts(engine, source, columns, tops, signal);
  return {
    rows,
    columns: columns.map((column, i): ColumnProfile => {
      const nonNull = numberOf(summary?.[`n${i}`]);
      return {
        name: column.name,
        type: column.type,
        nullRatio: rows === 0 ? 0 : (rows - nonNull) / rows,
        distinct: Math.min(numberOf(summary?.[`d${i}`]), nonNull),
        min: scalar(summary?.[`lo${i}`]),
        max: scalar(summary?.[`hi${i}`]),
        top: (tops[i] ?? [])
          .map((value, k) => ({ value: String(value), count: numberOf(counts[`c${i}_${k}`]) }))
          .filter((entry) => entry.count > 0)
          .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)),
      };
    }),
  };
}

function typedValue(name: string, type: ColumnType): string {
  if (type === "integer") return `TRY_CAST(${name} AS BIGINT)`;
  if (type === "decimal") return `TRY_CAST(${name} AS DOUBLE)`;
  return name;
}

async function topCounts(
  engine: Engine,
  source: string,
  columns: readonly { name: string }[],
  tops: unknown[][],
  signal?: AbortSignal,
): Promise<Row> {
  const filters = columns.flatMap((column, i) =>
    (tops[i] ?? []).map(
      (value, k) =>
        `count(*) FILTER (WHERE ${quoteIdentifier(column.name)} = ${quoteString(String(value))}) AS c${i}_${k}`,
    ),
  );
  if (filters.length === 0) return {};
  const [row] = await rowsOf(engine, `SELECT ${filters.join(", ")} FROM ${source}`, signal);
  return row ?? {};
}

async function rowsOf(engine: Engine, sql: string, signal?: AbortSignal): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const chunk of engine.stream(sql, signal ? { signal } : {})) rows.push(...chunk.rows);
  return rows;
}

function numberOf(value: unknown): number {
  const n = typeof value === "number" ? value : Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

function scalar(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  return typeof value === "number" ? value : String(value);
}
