import path from "node:path";
import { LakebookError, type MalformedRows, type Row } from "../../contract";
import { type Engine, quoteIdentifier, quoteString } from "../../engine";
import { type CsvMode, csvMode, firstRecordFields, sparkColumnNames, splitFirstRecord } from "./csv-layout";
import { csvDialect, duckdbReadParameters } from "./read-options";

/** What a CSV input is read with: Spark's columns, the mode, and the rows that did not fit them. */
export interface CsvInputLayout {
  columns: { name: string; type: string }[];
  mode: CsvMode;
  malformed?: MalformedRows;
}

interface CsvSource {
  name: string;
  /** The absolute glob of the input's files, as `inputCte` reads them. */
  glob: string;
  options: Record<string, string>;
  lakeRoot: string;
}

/**
 * Reads a CSV input's shape before the query runs: the columns from the first record of the first
 * file (as Spark does), then one pass counting rows with more or fewer fields than that. PERMISSIVE
 * and DROPMALFORMED report the count (and where the first one is); FAILFAST stops here, naming the
 * file and line, before anything is written.
 */
export async function csvInputLayout(
  source: CsvSource,
  engine: Engine,
  signal?: AbortSignal,
): Promise<CsvInputLayout> {
  const where = `input ${source.name}`;
  const mode = csvMode(optionValue(source.options, "mode"), where);
  const dialect = csvDialect(source.options);
  const files = (
    await allRows(engine, `SELECT file FROM glob(${quoteString(source.glob)}) ORDER BY file`, signal)
  ).map((row) => String(row.file));
  let fields: string[] = [];
  for (const file of files) {
    fields = await firstRecordFields(file, dialect);
    if (fields.length > 0) break;
  }
  if (fields.length === 0) {
    throw new LakebookError(
      "TRANSFORM_INPUT_EMPTY",
      `Input ${source.name}: no CSV file with data matches it.`,
      {
        hint: "Check the input's path, or run the ingest cell that puts the files in RAW.",
        params: { input: source.name },
      },
    );
  }
  const names = sparkColumnNames(fields, dialect.header);
  const types = dialect.inferSchema
    ? await inferredTypes(source, files[0] as string, names, engine, signal)
    : names.map(() => "VARCHAR");
  const columns = names.map((name, index) => ({ name, type: types[index] ?? "VARCHAR" }));
  const malformed = await countMalformed(source, names.length, mode, engine, signal);
  if (malformed && mode === "FAILFAST") {
    const at = malformed.first
      ? `${malformed.first.file}, line ${malformed.first.line}`
      : malformed.files[0]?.file;
    throw new LakebookError(
      "TRANSFORM_CSV_MALFORMED",
      `Input ${source.name}: ${at} has ${malformed.first?.fields ?? "a different number of"} fields where the header has ${names.length} (mode FAILFAST), and ${malformed.rows} such ${malformed.rows === 1 ? "row" : "rows"} in all.`,
      {
        hint: "Fix or remove that file (a RAW file ingested by mistake can be removed from the lake browser), or read the input with mode PERMISSIVE (extra fields dropped, missing ones NULL) or DROPMALFORMED (such rows skipped).",
        params: {
          input: source.name,
          place: at ?? source.name,
          fields: names.length,
          rows: malformed.rows,
        },
      },
    );
  }
  return { columns, mode, ...(malformed ? { malformed } : {}) };
}

/** A value no CSV field holds: with it as the NULL marker, only a padded (missing) field is NULL. */
const NEVER_NULL = "\u0001lakebook:no-null\u0001";
const EXTRA = "__lakebook_extra";

async function countMalformed(
  source: CsvSource,
  width: number,
  mode: CsvMode,
  engine: Engine,
  signal?: AbortSignal,
): Promise<MalformedRows | undefined> {
  const probe = Array.from({ length: width }, (_, index) => ({ name: `c${index}`, type: "VARCHAR" }));
  probe.push({ name: EXTRA, type: "VARCHAR" });
  const parameters = duckdbReadParameters(
    "csv",
    { ...withoutMode(source.options), nullValue: NEVER_NULL },
    `input ${source.name}`,
    { columns: probe, mode: "PERMISSIVE" },
  );
  const counted = await allRows(
    engine,
    `SELECT __lakebook_file AS file, count(*) AS n FROM read_csv(${quoteString(source.glob)}, ${parameters.join(", ")}, filename = '__lakebook_file')
     WHERE ${quoteIdentifier(`c${width - 1}`)} IS NULL OR ${EXTRA} IS NOT NULL GROUP BY 1 ORDER BY 1`,
    signal,
  );
  if (counted.length === 0) return undefined;
  const files = counted.map((row) => ({
    file: lakePath(String(row.file), source.lakeRoot),
    rows: Number(row.n),
  }));
  const firstFile = String(counted[0]?.file);
  const first = await firstMalformedLine(source, firstFile, width, engine, signal);
  return {
    input: source.name,
    mode,
    rows: files.reduce((sum, file) => sum + file.rows, 0),
    files,
    ...(first ? { first: { file: lakePath(firstFile, source.lakeRoot), ...first } } : {}),
  };
}

/** The strict reader stops at the first row that does not fit and says its line: that is the one to show. */
async function firstMalformedLine(
  source: CsvSource,
  file: string,
  width: number,
  engine: Engine,
  signal?: AbortSignal,
): Promise<{ line: number; fields?: number } | undefined> {
  const columns = Array.from({ length: width }, (_, index) => ({ name: `c${index}`, type: "VARCHAR" }));
  const parameters = duckdbReadParameters("csv", withoutMode(source.options), `input ${source.name}`, {
    columns,
    mode: "FAILFAST",
  });
  try {
    await engine.run(`SELECT count(*) FROM read_csv(${quoteString(file)}, ${parameters.join(", ")})`, {
      ...(signal ? { signal } : {}),
    });
    return undefined;
  } catch (error) {
    // The engine's own text (details) keeps DuckDB's lines; its message is already in plain words.
    const text = error instanceof LakebookError ? (error.details ?? error.message) : String(error);
    const line = /CSV Error on Line: (\d+)/.exec(text)?.[1];
    if (!line) return undefined;
    // DuckDB stops counting one past the header's width: count the original line's fields here.
    const original = /Original Line: ([^\n]*)/.exec(text)?.[1];
    const found =
      original === undefined
        ? undefined
        : splitFirstRecord(original, csvDialect(source.options), true)?.length;
    return { line: Number(line), ...(found !== undefined ? { fields: found } : {}) };
  }
}

function optionValue(options: Record<string, string>, key: string): string | undefined {
  return Object.entries(options).find(([name]) => name.toLowerCase() === key)?.[1];
}

function withoutMode(options: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(options).filter(([name]) => name.toLowerCase() !== "mode"));
}

/** `Raw/Local/CSV/Movies/2026/11/25/extra.csv`: the user's machine's folders stay out of messages. */
function lakePath(file: string, lakeRoot: string): string {
  const relative = path.relative(path.resolve(lakeRoot), file);
  return relative.startsWith("..") ? path.basename(file) : relative.split(path.sep).join("/");
}

/** inferSchema: the types DuckDB finds in the first file, given Spark's column names. */
async function inferredTypes(
  source: CsvSource,
  file: string,
  names: string[],
  engine: Engine,
  signal?: AbortSignal,
): Promise<string[]> {
  const dialect = csvDialect(source.options);
  const nullValue = optionValue(source.options, "nullvalue") ?? "";
  const described = await allRows(
    engine,
    `DESCRIBE SELECT * FROM read_csv(${quoteString(file)}, delim = ${quoteString(dialect.delimiter)}, quote = ${quoteString(dialect.quote)}, escape = ${quoteString(dialect.escape)}, header = ${dialect.header}, nullstr = ${quoteString(nullValue)}, null_padding = true, strict_mode = false, ignore_errors = true)`,
    signal,
  );
  return names.map((_, index) => String(described[index]?.column_type ?? "VARCHAR"));
}

/** A small answer read whole, without keeping it among the engine's pageable results. */
async function allRows(engine: Engine, sql: string, signal?: AbortSignal): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const chunk of engine.stream(sql, { ...(signal ? { signal } : {}) })) rows.push(...chunk.rows);
  return rows;
}
