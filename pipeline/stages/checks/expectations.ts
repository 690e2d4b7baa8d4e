import { type CheckOutcome, LakebookError, type MessageParams } from "../../contract";

/**
 * Data checks as SQL: each expectation on a table becomes one query that returns nothing when the
 * check passes and, when it fails, up to 5 sample rows, each carrying the total count of failing
 * rows in FAILING_ROWS_COLUMN (a window count, so the table is read once: Athena bills per scan).
 * The SQL is plain ANSI that DuckDB and Athena (Trino) both run: double-quoted identifiers, no
 * `::` casts, no DuckDB-only functions, LIMIT rather than dialect-specific forms.
 * Pure: no engine here; run-checks.ts runs the queries on whichever engine it is given.
 */
export interface ExpectationSpec {
  /** `database.table`, e.g. refined.fact_title. */
  table: string;
  notNull?: string[];
  /** Column sets whose values must not repeat (NULLs are ignored, as in a UNIQUE constraint). */
  unique?: string[][];
  /** Values a column may hold; NULL is left to notNull. */
  acceptedValues?: { column: string; values: AcceptedValue[] }[];
  rowCount?: { min?: number; max?: number };
  /** Every (non-NULL) key in `columns` must exist in `table`.`refColumns`: fact → dimension. */
  references?: { columns: string[]; table: string; refColumns: string[] }[];
}

export type AcceptedValue = string | number | boolean;

/** The closed set of checks, as the contract names them (so the UI can word each in pt-BR). */
export type CheckKind = CheckOutcome["kind"];

export interface CheckQuery {
  kind: CheckKind;
  /** In the user's words: "title_id is not null", "genre_id → refined.dim_genre.genre_id". */
  check: string;
  /** The words' variable parts, for the same words in another language by `kind`. */
  params: MessageParams;
  table: string;
  sql: string;
}

export const FAILING_ROWS_COLUMN = "lakebook_failing_rows";
export const MAX_SAMPLES = 5;

export function checkQueries(spec: ExpectationSpec): CheckQuery[] {
  const table = tableName(spec.table);
  const query = (kind: CheckKind, check: string, params: MessageParams, sql: string[]): CheckQuery => ({
    kind,
    check,
    params,
    table: spec.table,
    sql: sql.join("\n"),
  });
  const queries: CheckQuery[] = [];
  for (const column of spec.notNull ?? []) {
    queries.push(
      query("not_null", `${column} is not null`, { column }, [
        `SELECT *, COUNT(*) OVER () AS ${FAILING_ROWS_COLUMN}`,
        `FROM ${table}`,
        `WHERE ${ident(column)} IS NULL`,
        `LIMIT ${MAX_SAMPLES}`,
      ]),
    );
  }
  for (const columns of spec.unique ?? []) {
    const cols = columnList(columns, "unique");
    const shown = columns.length === 1 ? String(columns[0]) : `(${columns.join(", ")})`;
    queries.push(
      query("unique", `${shown} is unique`, { columns: shown }, [
        `SELECT ${cols}, COUNT(*) AS "rows", SUM(COUNT(*)) OVER () AS ${FAILING_ROWS_COLUMN}`,
        `FROM ${table}`,
        `WHERE ${columns.map((c) => `${ident(c)} IS NOT NULL`).join(" AND ")}`,
        `GROUP BY ${cols}`,
        "HAVING COUNT(*) > 1",
        `ORDER BY COUNT(*) DESC, ${cols}`,
        `LIMIT ${MAX_SAMPLES}`,
      ]),
    );
  }
  for (const { column, values } of spec.acceptedValues ?? []) {
    if (values.length === 0) throw invalid(spec.table, `acceptedValues for ${column} lists no values`);
    const col = ident(column);
    const listed = values.map(String).join(", ");
    queries.push(
      query("accepted_values", `${column} in (${listed})`, { column, values: listed }, [
        `SELECT ${col}, COUNT(*) AS "rows", SUM(COUNT(*)) OVER () AS ${FAILING_ROWS_COLUMN}`,
        `FROM ${table}`,
        `WHERE ${col} IS NOT NULL AND ${col} NOT IN (${values.map(literal).join(", ")})`,
        `GROUP BY ${col}`,
        `ORDER BY COUNT(*) DESC, ${col}`,
        `LIMIT ${MAX_SAMPLES}`,
      ]),
    );
  }
  if (spec.rowCount) {
    const { min, max } = spec.rowCount;
    const outside = [
      ...(min !== undefined ? [`COUNT(*) < ${count(min, spec.table)}`] : []),
      ...(max !== undefined ? [`COUNT(*) > ${count(max, spec.table)}`] : []),
    ];
    if (outside.length === 0) throw invalid(spec.table, "rowCount needs min, max or both");
    if (min !== undefined && max !== undefined && min > max) {
      throw invalid(spec.table, `rowCount min (${min}) is above max (${max})`);
    }
    // HAVING without GROUP BY: one row, the count, only when it is out of range.
    queries.push(
      query(
        "row_count",
        `row count ${rangeText(min, max)}`,
        { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) },
        [
          `SELECT COUNT(*) AS "rows", 1 AS ${FAILING_ROWS_COLUMN}`,
          `FROM ${table}`,
          `HAVING ${outside.join(" OR ")}`,
        ],
      ),
    );
  }
  for (const ref of spec.references ?? []) {
    if (ref.columns.length === 0 || ref.columns.length !== ref.refColumns.length) {
      throw invalid(spec.table, `references to ${ref.table} need as many refColumns as columns`);
    }
    const cols = ref.columns.map((c) => `child.${ident(c)}`).join(", ");
    const match = ref.columns.map((c, i) => `parent.${ident(ref.refColumns[i] ?? c)} = child.${ident(c)}`);
    queries.push(
      query(
        "references",
        `${ref.columns.join(", ")} → ${ref.table}.${ref.refColumns.join(", ")}`,
        { columns: ref.columns.join(", "), table: ref.table, refColumns: ref.refColumns.join(", ") },
        [
          `SELECT ${cols}, COUNT(*) AS "rows", SUM(COUNT(*)) OVER () AS ${FAILING_ROWS_COLUMN}`,
          `FROM ${table} AS child`,
          `WHERE ${ref.columns.map((c) => `child.${ident(c)} IS NOT NULL`).join(" AND ")}`,
          // NOT EXISTS, not a LEFT JOIN: a dimension with a repeated key must not multiply the count.
          `  AND NOT EXISTS (SELECT 1 FROM ${tableName(ref.table)} AS parent WHERE ${match.join(" AND ")})`,
          `GROUP BY ${cols}`,
          `ORDER BY COUNT(*) DESC, ${cols}`,
          `LIMIT ${MAX_SAMPLES}`,
        ],
      ),
    );
  }
  return queries;
}

/** The tables a spec reads: the checked table and every table it references. */
export function checkedTables(spec: ExpectationSpec): string[] {
  return [spec.table, ...(spec.references ?? []).map((ref) => ref.table)];
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `between ${min} and ${max}`;
  return min !== undefined ? `≥ ${min}` : `≤ ${max}`;
}

function columnList(columns: string[], what: string): string {
  if (columns.length === 0) throw invalid("", `${what} lists an empty column set`);
  return columns.map(ident).join(", ");
}

/** `refined.fact_title` → "refined"."fact_title": quoted, so odd names can never break out. */
function tableName(name: string): string {
  const parts = name.split(".");
  if (parts.length > 3 || parts.some((part) => part.trim() === "")) {
    throw invalid(name, `"${name}" is not a table name; write database.table, e.g. refined.fact_title`);
  }
  return parts.map((part) => ident(part.trim())).join(".");
}

function ident(name: string): string {
  if (name.trim() === "") throw invalid("", "a column name is empty");
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(value: AcceptedValue): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw invalid("", `accepted value ${value} is not a finite number`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

function count(value: number, table: string): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(table, `rowCount bounds must be whole numbers ≥ 0, not ${value}`);
  }
  return String(value);
}

function invalid(table: string, message: string): LakebookError {
  return new LakebookError("CHECK_INVALID", `Data check${table ? ` on ${table}` : ""}: ${message}.`, {
    hint: "e.g. table: refined.fact_title, notNull: [title_id], rowCount: {min: 1}.",
  });
}
