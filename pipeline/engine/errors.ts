import { LakebookError } from "../contract/errors";
import { type DuckDBErrorInfo, locate, readDuckDBError } from "./duckdb-error";

/**
 * The one place engine errors get their code and hint. Stages, the service and the CLI receive
 * LakebookErrors from the engine and never read DuckDB's text themselves.
 *
 * Codes: SQL_PARSE, SQL_CATALOG (table/view/schema/column not found), SQL_CONVERSION,
 * OUT_OF_MEMORY, CANCELLED, SQL_PATH_REFUSED (a file outside the folders the engine is confined
 * to), SQL_ERROR (anything else), plus the engine's own
 * RESULT_NOT_FOUND, ENGINE_CLOSED and INVALID_ARGUMENT.
 */
export function toEngineError(error: unknown, sql?: string): LakebookError {
  if (error instanceof LakebookError) return error;
  const info = readDuckDBError(error);
  const plain = plainEngineError(info, sql, error);
  // DuckDB's own text goes under Details; the headline names lake paths, never the machine's folders,
  // except a refused path: that is the user's own text, outside the lake, and must be named whole.
  const headline = plain.code === "SQL_PATH_REFUSED" ? plain.message : withoutFolders(plain.message);
  return new LakebookError(plain.code, headline, {
    ...(plain.hint ? { hint: withoutFolders(plain.hint) } : {}),
    retryable: plain.retryable,
    cause: error,
    details: info.type === "Unknown" ? info.message : `${info.type} Error: ${info.message}`,
    ...(sql !== undefined && info.position !== undefined ? { at: place(sql, info.position) } : {}),
  });
}

function place(sql: string, position: number): { line: number; column: number } {
  const { line, column } = locate(sql, position);
  return { line, column };
}

/**
 * An absolute path in a message becomes the part a user knows: from the lake's zone folder on
 * (`Raw/Local/CSV/Movies/…/extra.csv`), or else the file's name.
 */
export function withoutFolders(text: string): string {
  return text.replace(/(?<![\w.:/\\])(?:[A-Za-z]:)?(?:[\\/][^\\/\s"'`,;:()]+){2,}/g, (found) => {
    const posix = found.replaceAll("\\", "/");
    const zone = /\/((?:Raw|Trusted|Refined|_catalog|data)\/.*)$/.exec(posix);
    return zone?.[1] ?? posix.split("/").at(-1) ?? found;
  });
}

/**
 * A CSV DuckDB could not read, in a student's words: which file, which line, what was found, and
 * what to do. DuckDB's report (the reader's settings, its "possible fixes") stays under Details.
 */
function csvError(info: DuckDBErrorInfo, cause: unknown): LakebookError | undefined {
  const text = info.message;
  const line = /CSV Error on Line: (\d+)/.exec(text)?.[1];
  const sniffing = /Error when sniffing file "([^"]+)"/.exec(text)?.[1];
  if (!line && !sniffing) return undefined;
  const file = sniffing ?? /^\s*file = (.+)$/m.exec(text)?.[1]?.trim();
  const expected = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(text);
  const what = expected
    ? `a row with ${Number(expected[2]) > Number(expected[1]) ? "more" : "fewer"} fields than the ${expected[1]} expected`
    : sniffing
      ? "its rows do not share one layout (a different number of fields, or quotes that do not close)"
      : (
          text
            .split("\n")
            .find((row) => /error|expected|unterminated/i.test(row) && !/^CSV Error/.test(row)) ??
          "a row it cannot read"
        ).trim();
  const where = `${file ? `the CSV file ${file}` : "a CSV file"}${line ? `, line ${line}` : ""}`;
  return new LakebookError("CSV_MALFORMED", `Could not read ${where}: ${what}.`, {
    hint: "If the file was ingested by mistake, remove it from RAW in the lake browser. A transform reads such rows as Spark does with its input's mode option: PERMISSIVE (the default: extra fields dropped, missing ones NULL), DROPMALFORMED (skip them) or FAILFAST. Or fix the file and ingest it again.",
    cause,
  });
}

function plainEngineError(info: DuckDBErrorInfo, sql: string | undefined, error: unknown): LakebookError {
  const message = firstParagraph(info.message);
  const csv = csvError(info, error);
  if (csv) return csv;
  if (/the configuration has been locked/.test(message)) return pathRefused(message, error);
  switch (info.type) {
    case "INTERRUPT":
      return cancelledError(error);
    case "Parser":
      return parseError(info, message, sql, error);
    case "Conversion":
      return new LakebookError("SQL_CONVERSION", `Conversion error${where(info, sql)}: ${message}`, {
        hint:
          "A value does not fit its type. Cast explicitly (TRY_CAST gives NULL instead of failing); " +
          "CSVs of the challenge need delim '|' and nullstr '\\N', or '\\N' is read as text.",
        cause: error,
      });
    case "Out of Memory":
      return new LakebookError("OUT_OF_MEMORY", `DuckDB ran out of memory: ${message}`, {
        hint:
          // The workspace locks DuckDB's settings (SQL is confined to the lake), so SET is no way out.
          "Filter and aggregate before selecting whole tables: the local lake's DuckDB works within its " +
          "memory_limit (2 GB by default) and spills the rest to .lakebook/.",
        cause: error,
      });
    case "Permission":
      return pathRefused(message, error);
    case "IO":
      return new LakebookError("SQL_ERROR", `I/O error: ${message}`, {
        hint: ioHint(message),
        cause: error,
      });
  }
  if (isMissingTable(info)) {
    return new LakebookError("SQL_CATALOG", `${firstLine(message)}${where(info, sql)}`, {
      hint: `${info.name ? `"${info.name}" is` : "It is"} not in the catalog yet: run the cell that creates it, or list the tables with \`lakebook catalog\`.${didYouMean(info)}`,
      cause: error,
    });
  }
  if (info.subtype === "COLUMN_NOT_FOUND") {
    return new LakebookError("SQL_CATALOG", `${firstLine(message)}${where(info, sql)}`, {
      hint: `Check the column name${info.candidates ? ` (in scope: ${info.candidates})` : ""}; DESCRIBE <table> lists a table's columns.`,
      cause: error,
    });
  }
  return new LakebookError(
    "SQL_ERROR",
    info.type === "Unknown" ? message : `${info.type} error: ${message}`,
    {
      cause: error,
    },
  );
}

/** DuckDB's "Cannot access file "X" - file system operations are disabled by configuration". */
function pathRefused(message: string, cause: unknown): LakebookError {
  const target = /"([^"]*)"/.exec(message)?.[1];
  const what = /Cannot change configuration/i.test(message)
    ? "Lakebook's SQL cannot change DuckDB's settings here: they are locked."
    : `Lakebook's SQL may not use ${target ? `"${target}"` : "that file or address"}: it reads and writes only inside the lake and the notebook's data folder.`;
  return new LakebookError("SQL_PATH_REFUSED", what, {
    hint: "Put the file in the notebook's data/ folder, or read lake tables as database.table (lakebook catalog lists them).",
    cause,
  });
}

function ioHint(message: string): string {
  if (/no files found/i.test(message)) {
    return "Check the path: lake folders are case-sensitive (Raw/Local/CSV/Movies) and dates are zero-padded (2026/01/05).";
  }
  if (/no such file or directory/i.test(message)) {
    return "The path does not exist. Check its spelling and casing; to write with COPY … TO, create the folder first (DuckDB does not create parent folders).";
  }
  return "Check that the path exists and can be read and written.";
}

export function cancelledError(cause?: unknown): LakebookError {
  return new LakebookError("CANCELLED", "The query was cancelled.", { retryable: true, cause });
}

export function resultNotFound(resultId: string): LakebookError {
  return new LakebookError("RESULT_NOT_FOUND", `Query result ${resultId} is no longer available.`, {
    hint: "Results are released after use or when many newer ones exist: run the query again.",
  });
}

export function engineClosed(cause?: unknown): LakebookError {
  return new LakebookError("ENGINE_CLOSED", "The DuckDB engine of this lake has been closed.", {
    hint: "Reopen the notebook or lake.",
    retryable: true,
    cause,
  });
}

export function invalidArgument(message: string): LakebookError {
  return new LakebookError("INVALID_ARGUMENT", message);
}

function parseError(info: DuckDBErrorInfo, message: string, sql: string | undefined, cause: unknown) {
  if (sql === undefined || info.position === undefined) {
    return new LakebookError("SQL_PARSE", `Syntax error: ${message}`, { cause });
  }
  const at = locate(sql, info.position);
  return new LakebookError("SQL_PARSE", `Syntax error at line ${at.line}, column ${at.column}: ${message}`, {
    hint: `Check the SQL here:\n${at.text}\n${" ".repeat(at.column - 1)}^`,
    cause,
  });
}

const MISSING_RELATION = new Set(["Table", "View", "Schema"]);

/** Missing functions and types are Catalog errors too, but no cell creates them: those stay SQL_ERROR. */
function isMissingTable(info: DuckDBErrorInfo): boolean {
  if (info.type !== "Catalog") return false;
  if (info.entryType !== undefined) {
    return info.subtype === "MISSING_ENTRY" && MISSING_RELATION.has(info.entryType);
  }
  // "Table with name "nope.movies" does not exist because schema "nope" does not exist."
  return /does not exist/.test(info.message);
}

/** DuckDB suggests its own system views (pg_enum…) for any unknown name: only the user's help. */
const SYSTEM_NAME = /^(pg_|duckdb_|sqlite_|information_schema)/;

function didYouMean(info: DuckDBErrorInfo): string {
  const names = (info.candidates ?? "").split(",").filter((name) => name && !SYSTEM_NAME.test(name));
  return names.length > 0 ? ` Did you mean ${names.join(" or ")}?` : "";
}

/** " (line 2, column 15)" when DuckDB knows where: multi-statement cells need it most. */
function where(info: DuckDBErrorInfo, sql: string | undefined): string {
  if (sql === undefined || info.position === undefined) return "";
  const at = locate(sql, info.position);
  return ` (line ${at.line}, column ${at.column})`;
}

/** The "Did you mean"/"Candidate bindings" line is repeated in the hint from DuckDB's candidates. */
function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

/** DuckDB appends advice paragraphs (about persistent storage, etc.); the hint replaces them. */
function firstParagraph(message: string): string {
  return message.split("\n\n")[0]?.trim() || message;
}
