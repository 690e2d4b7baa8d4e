import { open } from "node:fs/promises";
import { LakebookError } from "../../contract";

/**
 * How Spark's CSV reader lays out the columns of a set of files, decided before DuckDB reads them:
 * the first record of the first file gives the columns (its names with `header`, `_c0…` without),
 * and every row is then read against exactly those columns. DuckDB's own sniffer would instead widen
 * the schema to the widest row it samples, or give up on a ragged file with a page of settings.
 */
export type CsvMode = "PERMISSIVE" | "DROPMALFORMED" | "FAILFAST";

/** Spark's `mode` option, case-insensitive; PERMISSIVE when unset, as in Spark. */
export function csvMode(value: string | undefined, where: string): CsvMode {
  if (value === undefined) return "PERMISSIVE";
  const upper = value.toUpperCase();
  if (upper === "PERMISSIVE" || upper === "DROPMALFORMED" || upper === "FAILFAST") return upper;
  throw new LakebookError(
    "TRANSFORM_OPTION_INVALID",
    `${where}: option "mode" is ${JSON.stringify(value)}.`,
    {
      hint: "Write PERMISSIVE (the default: extra fields dropped, missing ones NULL), DROPMALFORMED (skip such rows) or FAILFAST (stop at the first one).",
    },
  );
}

/**
 * Column names as Spark gives them: the header's fields, an empty one as `_c<i>`, and a name that
 * repeats (case-insensitively, as Spark compares them) suffixed with its position.
 */
export function sparkColumnNames(fields: string[], header: boolean): string[] {
  if (!header) return fields.map((_, index) => `_c${index}`);
  const named = fields.map((field, index) => (field === "" ? `_c${index}` : field));
  const counts = new Map<string, number>();
  for (const name of named) counts.set(name.toLowerCase(), (counts.get(name.toLowerCase()) ?? 0) + 1);
  return named.map((name, index) => ((counts.get(name.toLowerCase()) ?? 0) > 1 ? `${name}${index}` : name));
}

/** The fields of a file's first record, reading no more of it than that record needs. */
export async function firstRecordFields(
  file: string,
  dialect: { delimiter: string; quote: string; escape: string },
): Promise<string[]> {
  const handle = await open(file, "r");
  try {
    let text = "";
    const buffer = Buffer.alloc(64 * 1024);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      text += buffer.subarray(0, bytesRead).toString("utf8");
      const record = splitFirstRecord(text.replace(/^\uFEFF/, ""), dialect, bytesRead === 0);
      if (record) return record;
    }
  } finally {
    await handle.close();
  }
}

/** The first record's fields, or undefined when `text` may end inside it and more is to come. */
export function splitFirstRecord(
  text: string,
  dialect: { delimiter: string; quote: string; escape: string },
  complete: boolean,
): string[] | undefined {
  const { delimiter, quote, escape: escapeChar } = dialect;
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quoted) {
      if (char === escapeChar && escapeChar !== quote && text[index + 1] === quote) {
        field += quote;
        index++;
      } else if (char === quote && text[index + 1] === quote && escapeChar === quote) {
        field += quote;
        index++;
      } else if (char === quote) {
        quoted = false;
      } else {
        field += char;
      }
      continue;
    }
    if (quote !== "" && char === quote && field === "") quoted = true;
    else if (text.startsWith(delimiter, index)) {
      fields.push(field);
      field = "";
      index += delimiter.length - 1;
    } else if (char === "\n" || char === "\r") {
      if (fields.length === 0 && field === "") continue; // Spark skips blank lines
      fields.push(field);
      return fields;
    } else field += char;
  }
  if (!complete) return undefined;
  if (fields.length > 0 || field !== "") fields.push(field);
  return fields;
}
