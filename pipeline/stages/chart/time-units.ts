/**
 * Vega-Lite time units as SQL. A unit without a year (`month`, `monthdate`, `hours`) lands in
 * 2012, as Vega-Lite does, so months of different years share one point. Values travel as local
 * ISO text (`2012-03-01T00:00:00`) — with `Z` for `utc…` units — because the browser reads such
 * text in the same zone the time unit formats in.
 */
export interface TimeUnitSql {
  /** The unit without `utc`: `yearmonth`. */
  unit: string;
  utc: boolean;
  /** `year-month`, for the default title `date (year-month)`. */
  parts: string[];
  sql: string;
}

/** Longest first, so `dayofyear` is not read as `day` + `ofyear`. */
const PARTS = [
  "milliseconds",
  "dayofyear",
  "quarter",
  "minutes",
  "seconds",
  "hours",
  "month",
  "year",
  "week",
  "date",
  "day",
];
/** Parts with no single SQL spelling that matches Vega's (week numbering, weekday dates). */
const UNSUPPORTED = new Set(["week", "day", "dayofyear"]);

/** The SQL for a time unit, or a reason it cannot be pushed down. */
export function timeUnitSql(column: string, timeUnit: unknown): TimeUnitSql | { reason: string } {
  if (typeof timeUnit !== "string" && (typeof timeUnit !== "object" || timeUnit === null)) {
    return { reason: "a time unit that is neither text nor an object" };
  }
  const params = typeof timeUnit === "string" ? { unit: timeUnit } : (timeUnit as Record<string, unknown>);
  if (params.maxbins !== undefined || params.step !== undefined) {
    return { reason: "a time unit with maxbins or step" };
  }
  let unit = String(params.unit ?? "");
  let utc = params.utc === true;
  if (unit.startsWith("utc")) {
    utc = true;
    unit = unit.slice(3);
  }
  const parts: string[] = [];
  let rest = unit;
  while (rest) {
    const part = PARTS.find((name) => rest.startsWith(name));
    if (!part) return { reason: `the time unit "${String(params.unit)}"` };
    if (UNSUPPORTED.has(part)) return { reason: `the time unit part "${part}"` };
    parts.push(part);
    rest = rest.slice(part.length);
  }
  if (parts.length === 0) return { reason: "a time unit without a unit" };
  const has = (part: string) => parts.includes(part);
  const t = `CAST(${column} AS TIMESTAMP)`;
  const month = has("month") ? `month(${t})` : has("quarter") ? `(quarter(${t}) - 1) * 3 + 1` : "1";
  const seconds = has("seconds")
    ? has("milliseconds")
      ? `second(${t}) + (millisecond(${t}) % 1000) / 1000.0`
      : `second(${t})`
    : has("milliseconds")
      ? `(millisecond(${t}) % 1000) / 1000.0`
      : "0";
  const stamp = `make_timestamp(${has("year") ? `year(${t})` : "2012"}, ${month}, ${has("date") ? `day(${t})` : "1"}, ${has("hours") ? `hour(${t})` : "0"}, ${has("minutes") ? `minute(${t})` : "0"}, ${seconds})`;
  const format = has("milliseconds") ? "%Y-%m-%dT%H:%M:%S.%g" : "%Y-%m-%dT%H:%M:%S";
  const sql = `CASE WHEN ${column} IS NULL THEN NULL ELSE strftime(${stamp}, '${format}')${utc ? " || 'Z'" : ""} END`;
  return { unit, utc, parts, sql };
}
