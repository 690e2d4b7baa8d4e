import { LakebookError } from "../../contract";
import { quoteString } from "../../engine";
import type { CsvMode } from "./csv-layout";

/**
 * Spark reader options → DuckDB reader parameters, keeping Spark's meaning so a cell gives the same
 * rows locally and on Glue. Spark's defaults matter most: a CSV without `header` has no header, a
 * CSV without `inferSchema` reads every column as a string, and JSON without `multiLine` is one
 * document per line — so forgetting `sep='|'` or `multiLine` fails here exactly as it would on Glue.
 * Spark ignores options it does not know; Lakebook refuses them, because a typo there is silent.
 */
export function duckdbReadParameters(
  format: "csv" | "json" | "parquet",
  options: Record<string, string>,
  where: string,
  layout?: { columns: { name: string; type: string }[]; mode: CsvMode },
): string[] {
  const lower = new Map(Object.entries(options).map(([key, value]) => [key.toLowerCase(), value]));
  const known = KNOWN[format];
  for (const key of lower.keys()) {
    if (!(known as readonly string[]).includes(key)) {
      throw new LakebookError(
        "TRANSFORM_OPTION_UNKNOWN",
        `${where}: the ${format} option "${key}" is not one Lakebook reads.`,
        {
          hint: `Known ${format} options: ${known.join(", ")}. Spark option names are case-insensitive.`,
        },
      );
    }
  }
  const flag = (key: string, fallback: boolean): boolean => {
    const value = lower.get(key);
    if (value === undefined) return fallback;
    if (/^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
    throw new LakebookError(
      "TRANSFORM_OPTION_INVALID",
      `${where}: option "${key}" is ${JSON.stringify(value)}.`,
      {
        hint: 'Write "true" or "false".',
      },
    );
  };
  const encoding = lower.get("encoding") ?? lower.get("charset");
  if (encoding && !/^utf-?8$/i.test(encoding)) {
    throw new LakebookError(
      "TRANSFORM_OPTION_INVALID",
      `${where}: encoding ${encoding} is not read locally.`,
      {
        hint: "The lake holds UTF-8 files; convert the file before ingesting it.",
      },
    );
  }
  switch (format) {
    case "csv": {
      if (!layout) throw new Error(`${where}: a CSV input is read with its column layout`);
      const dialect = csvDialect(options);
      const parameters = [
        `delim = ${quoteString(dialect.delimiter)}`,
        `header = ${flag("header", false)}`,
        `quote = ${quoteString(dialect.quote)}`,
        `escape = ${quoteString(dialect.escape)}`,
        // Spark reads an unset nullValue as the empty string.
        `nullstr = ${quoteString(lower.get("nullvalue") ?? "")}`,
        // The columns are Spark's (csv-layout.ts), never DuckDB's sniffer's: see csv-input.ts.
        "auto_detect = false",
        `columns = {${layout.columns.map((column) => `${quoteString(column.name)}: ${quoteString(column.type)}`).join(", ")}}`,
        ...MODE_PARAMETERS[layout.mode],
      ];
      const comment = lower.get("comment");
      if (comment) parameters.push(`comment = ${quoteString(comment)}`);
      flag("inferschema", false);
      flag("multiline", false); // quoted newlines are always read; the flag is only checked
      return parameters;
    }
    case "json":
      // Spark's JSON reader leaves dates as strings; DuckDB would detect them unless told not to.
      return [
        `format = ${quoteString(flag("multiline", false) ? "auto" : "newline_delimited")}`,
        "dateformat = 'disabled'",
        "timestampformat = 'disabled'",
      ];
    case "parquet":
      return [`union_by_name = ${flag("mergeschema", false)}`];
  }
}

/**
 * Spark's modes in DuckDB's words. PERMISSIVE: a short row padded with NULLs, a long one cut to the
 * columns (strict_mode off). DROPMALFORMED: such rows skipped (ignore_errors). FAILFAST: csv-input.ts
 * has already stopped with the file and line, so the strict reader here only guards the rest.
 */
const MODE_PARAMETERS: Record<CsvMode, string[]> = {
  PERMISSIVE: ["null_padding = true", "strict_mode = false"],
  DROPMALFORMED: ["ignore_errors = true"],
  FAILFAST: [],
};

/** The separator, quote and escape characters a CSV input is read with, Spark's defaults filled in. */
export function csvDialect(options: Record<string, string>): {
  delimiter: string;
  quote: string;
  escape: string;
  header: boolean;
  inferSchema: boolean;
} {
  const lower = new Map(Object.entries(options).map(([key, value]) => [key.toLowerCase(), value]));
  return {
    delimiter: lower.get("sep") ?? lower.get("delimiter") ?? ",",
    quote: lower.get("quote") ?? '"',
    escape: lower.get("escape") ?? "\\",
    header: lower.get("header")?.toLowerCase() === "true",
    inferSchema: lower.get("inferschema")?.toLowerCase() === "true",
  };
}

const KNOWN = {
  csv: [
    "sep",
    "delimiter",
    "header",
    "quote",
    "escape",
    "nullvalue",
    "inferschema",
    "encoding",
    "charset",
    "comment",
    "multiline",
    "mode",
  ],
  json: ["multiline", "encoding", "charset"],
  parquet: ["mergeschema"],
} as const satisfies Record<string, readonly string[]>;

/** The options a catalog table is read with, as the Glue runner is told them too. */
export function catalogReadOptions(format: "csv" | "json" | "parquet"): Record<string, string> {
  switch (format) {
    case "csv":
      // The challenge's CSVs: `|`-separated, header row, `\N` for NULL, `""` inside quotes.
      return { sep: "|", header: "true", nullValue: "\\N", quote: '"', escape: '"' };
    case "json":
      return { multiLine: "true" };
    case "parquet":
      return {};
  }
}
