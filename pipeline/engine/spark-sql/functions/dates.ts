import { allArgs, arg, type Call, expectArgs, type FunctionRewrite, finish } from "../call";
import { GLUE_HINT, unsupported } from "../errors";
import { duckString } from "../literals";
import { isWord, placeOf, stringLiteral, trimmed } from "../tree";
import { strftimeFormat } from "./java-date-pattern";

/**
 * Spark's date functions accept strings, dates and timestamps alike (it casts implicitly, NULL when
 * the text is not a date); DuckDB wants the type, so the argument is TRY_CAST first.
 */
const asDate = (text: string) => `TRY_CAST(${text} AS DATE)`;
const asTimestamp = (text: string) => `TRY_CAST(${text} AS TIMESTAMP)`;

function format(call: Call, index: number): string {
  const nodes = call.args[index] ?? [];
  const pattern = stringLiteral(nodes);
  const at = nodes[0] ? placeOf(nodes[0]) : call.name;
  if (pattern === undefined) {
    throw unsupported(
      `${call.name.text.toLowerCase()}() with a format that is not a string literal`,
      at,
      "Write the format as a literal, e.g. 'dd/MM/yyyy'.",
    );
  }
  return duckString(strftimeFormat(pattern, at));
}

/** year(x), month(x)… on the date or timestamp that x is cast to. */
export function datePart(duckName: string, of: "date" | "timestamp", offset = ""): FunctionRewrite {
  return (call) => {
    expectArgs(call, 1, 1);
    const value = of === "date" ? asDate(arg(call, 0)) : asTimestamp(arg(call, 0));
    return finish(call, offset ? `(${duckName}(${value})${offset})` : `${duckName}(${value})`);
  };
}

/** to_date(str) is a cast; to_date(str, fmt) parses with the pattern, NULL when it does not match. */
export const toDate: FunctionRewrite = (call) => {
  expectArgs(call, 1, 2);
  if (call.args.length === 1) return finish(call, asDate(arg(call, 0)));
  return finish(call, `CAST(try_strptime(${arg(call, 0)}, ${format(call, 1)}) AS DATE)`);
};

export const toTimestamp: FunctionRewrite = (call) => {
  expectArgs(call, 1, 2);
  if (call.args.length === 1) return finish(call, asTimestamp(arg(call, 0)));
  return finish(call, `try_strptime(${arg(call, 0)}, ${format(call, 1)})`);
};

export const dateFormat: FunctionRewrite = (call) => {
  expectArgs(call, 2, 2);
  return finish(call, `strftime(${asTimestamp(arg(call, 0))}, ${format(call, 1)})`);
};

/** datediff(end, start) = days from start to end; DuckDB's date_diff takes start first. */
export const datediff: FunctionRewrite = (call) => {
  expectArgs(call, 2, 2, "Spark's datediff takes (end, start); the three-argument form is Databricks-only.");
  const [end, start] = allArgs(call);
  return finish(call, `date_diff('day', ${asDate(start ?? "")}, ${asDate(end ?? "")})`);
};

/** date_add/date_sub(d, n): a DATE n days later/earlier (DATE ± integer is a DATE in DuckDB). */
export function dateShift(sign: "+" | "-"): FunctionRewrite {
  return (call) => {
    expectArgs(call, 2, 2);
    const [date, days] = allArgs(call);
    return finish(call, `(${asDate(date ?? "")} ${sign} CAST(${days} AS INTEGER))`);
  };
}

/** add_months clamps to the month's last day (Jan 31 + 1 month = Feb 29), as DuckDB's interval does. */
export const addMonths: FunctionRewrite = (call) => {
  expectArgs(call, 2, 2);
  const [date, months] = allArgs(call);
  return finish(call, `CAST(${asDate(date ?? "")} + to_months(CAST(${months} AS INTEGER)) AS DATE)`);
};

export const currentDate: FunctionRewrite = (call) => {
  expectArgs(call, 0, 0);
  return finish(call, "current_date");
};

/** Spark's current_timestamp is a TIMESTAMP in the session time zone; DuckDB's has a zone attached. */
export const currentTimestamp: FunctionRewrite = (call) => {
  expectArgs(call, 0, 0);
  return finish(call, "CAST(current_timestamp AS TIMESTAMP)");
};

const EXTRACT_FIELDS: Record<string, FunctionRewrite> = {
  YEAR: datePart("year", "date"),
  QUARTER: datePart("quarter", "date"),
  MONTH: datePart("month", "date"),
  DAY: datePart("day", "date"),
  HOUR: datePart("hour", "timestamp"),
  MINUTE: datePart("minute", "timestamp"),
};

/** EXTRACT(field FROM x) for the fields whose numbering is the same in both. */
export const extract: FunctionRewrite = (call) => {
  const body = call.args.length === 1 ? trimmed(call.args[0] ?? []) : [];
  const field = body[0];
  const rewrite = isWord(field) ? EXTRACT_FIELDS[field.value] : undefined;
  if (!rewrite || !isWord(body[1] === undefined ? undefined : trimmed(body.slice(1))[0], "FROM")) {
    throw unsupported(
      `EXTRACT(${isWord(field) ? field.value : "…"} FROM …)`,
      call.name,
      `The subset covers EXTRACT of YEAR, QUARTER, MONTH, DAY, HOUR and MINUTE, ${GLUE_HINT}.`,
    );
  }
  const from = body.findIndex((node) => isWord(node, "FROM"));
  return rewrite({ ...call, args: [trimmed(body.slice(from + 1))] });
};
