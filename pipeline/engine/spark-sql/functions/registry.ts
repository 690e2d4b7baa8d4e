import type { LakebookError } from "../../../contract/errors";
import { type FunctionRewrite, sameCall } from "../call";
import { GLUE_HINT, unsupported } from "../errors";
import type { Token } from "../tokens";
import * as aggregate from "./aggregates";
import * as arrays from "./arrays";
import { castCall, castShorthand } from "./casts";
import * as conditional from "./conditionals";
import * as dates from "./dates";
import * as numbers from "./numbers";
import { regexpExtract, regexpReplace, rlikeCall } from "./regex";
import * as strings from "./strings";

/**
 * The allow-list: every Spark function the subset knows, with its DuckDB rewrite. A name that is
 * not here is rejected, so a function that exists in both but means something else (DuckDB's
 * log is log10, its list_distinct drops NULLs…) cannot slip through unnoticed.
 */

/** Same name, same arguments, same result (NULLs included). */
const SAME = `
  abs acos asin atan atan2 cos sin tan cot degrees radians exp ln log10 log2 sqrt cbrt pow power
  sign greatest least coalesce nullif if md5
  lower upper length char_length character_length instr ascii
  sum avg min max stddev stddev_samp stddev_pop variance var_samp var_pop corr covar_pop covar_samp
  count_if bool_and bool_or max_by min_by median
  row_number rank dense_rank percent_rank cume_dist ntile
`;

const RENAMED: Record<string, string> = {
  mean: "avg",
  std: "stddev",
  every: "bool_and",
  signum: "sign",
  lcase: "lower",
  ucase: "upper",
  ifnull: "coalesce",
  array_max: "list_max",
  array_min: "list_min",
};

const REWRITES: Record<string, FunctionRewrite> = {
  cast: castCall,
  try_cast: castCall,
  int: castShorthand("INT"),
  integer: castShorthand("INT"),
  bigint: castShorthand("BIGINT"),
  smallint: castShorthand("SMALLINT"),
  tinyint: castShorthand("TINYINT"),
  double: castShorthand("DOUBLE"),
  float: castShorthand("FLOAT"),
  decimal: castShorthand("DECIMAL"),
  string: castShorthand("STRING"),
  date: castShorthand("DATE"),
  timestamp: castShorthand("TIMESTAMP"),
  boolean: castShorthand("BOOLEAN"),

  concat: strings.concat,
  concat_ws: strings.concatWs,
  substring: strings.substring,
  substr: strings.substring,
  locate: strings.locate,
  lpad: strings.pad("lpad"),
  rpad: strings.pad("rpad"),
  replace: strings.replace,
  initcap: strings.initcap,
  trim: strings.trim("trim"),
  ltrim: strings.trim("ltrim"),
  rtrim: strings.trim("rtrim"),
  split: strings.split,
  regexp_extract: (call) => regexpExtract(call, "regexp_extract"),
  regexp_extract_all: (call) => regexpExtract(call, "regexp_extract_all"),
  regexp_replace: regexpReplace,
  rlike: rlikeCall,
  regexp: rlikeCall,
  regexp_like: rlikeCall,

  nvl: conditional.nvl,
  nvl2: conditional.nvl2,
  isnull: conditional.nullTest("IS NULL"),
  isnotnull: conditional.nullTest("IS NOT NULL"),

  floor: numbers.roundToWhole("floor"),
  ceil: numbers.roundToWhole("ceil"),
  ceiling: numbers.roundToWhole("ceil"),
  round: numbers.rounding("round"),
  bround: numbers.rounding("round_even"),
  log: numbers.log,

  to_date: dates.toDate,
  to_timestamp: dates.toTimestamp,
  date_format: dates.dateFormat,
  year: dates.datePart("year", "date"),
  quarter: dates.datePart("quarter", "date"),
  month: dates.datePart("month", "date"),
  day: dates.datePart("day", "date"),
  dayofmonth: dates.datePart("day", "date"),
  dayofyear: dates.datePart("dayofyear", "date"),
  weekofyear: dates.datePart("weekofyear", "date"),
  // Spark numbers the weekday 1 = Sunday … 7 = Saturday; DuckDB 0 … 6.
  dayofweek: dates.datePart("dayofweek", "date", " + 1"),
  hour: dates.datePart("hour", "timestamp"),
  minute: dates.datePart("minute", "timestamp"),
  second: dates.datePart("second", "timestamp"),
  last_day: dates.datePart("last_day", "date"),
  datediff: dates.datediff,
  date_add: dates.dateShift("+"),
  date_sub: dates.dateShift("-"),
  add_months: dates.addMonths,
  current_date: dates.currentDate,
  current_timestamp: dates.currentTimestamp,
  now: dates.currentTimestamp,
  extract: dates.extract,

  array: arrays.array,
  size: arrays.size,
  cardinality: arrays.size,
  array_contains: arrays.arrayContains,
  array_distinct: arrays.arrayDistinct,
  sort_array: arrays.sortArray,
  element_at: arrays.elementAt,
  array_join: arrays.arrayJoin,
  explode: arrays.explode,
  explode_outer: arrays.explodeOuter,
  posexplode: arrays.posexplodeInSelect,
  transform: arrays.lambdaCall("list_transform"),
  filter: arrays.lambdaCall("list_filter"),

  count: aggregate.count,
  collect_list: aggregate.collectList,
  collect_set: aggregate.collectSet,
  first: aggregate.firstOrLast("first"),
  last: aggregate.firstOrLast("last"),
  first_value: aggregate.firstOrLast("first"),
  last_value: aggregate.firstOrLast("last"),
  lag: aggregate.offsetWindow("lag"),
  lead: aggregate.offsetWindow("lead"),
  nth_value: aggregate.offsetWindow("nth_value"),
  approx_count_distinct: aggregate.approxCountDistinct,
  percentile_approx: aggregate.percentileApprox,
  approx_percentile: aggregate.percentileApprox,
  percentile: aggregate.percentile,
};

const ALL: Record<string, FunctionRewrite> = Object.fromEntries([
  ...SAME.trim()
    .split(/\s+/)
    .map((name): [string, FunctionRewrite] => [name, sameCall(name)]),
  ...Object.entries(RENAMED).map(([name, duckName]): [string, FunctionRewrite] => [name, sameCall(duckName)]),
  ...Object.entries(REWRITES),
]);

export function lookupFunction(name: string): FunctionRewrite | undefined {
  return Object.hasOwn(ALL, name) ? ALL[name] : undefined;
}

/** The names the subset covers, for the README and the tests. */
export function coveredFunctions(): string[] {
  return Object.keys(ALL).sort();
}

/** Functions users reach for that the subset leaves out on purpose, with the way around. */
const KNOWN_GAPS: Record<string, string> = {
  months_between:
    "Spark counts 31-day months with a fraction; use datediff(end, start) / 30.0 if days will do",
  unix_timestamp: "use datediff or keep the timestamp",
  from_unixtime: "keep the timestamp and format it with date_format(ts, 'yyyy-MM-dd')",
  posexplode_outer: "use LATERAL VIEW posexplode(arr) t AS pos, col",
  aggregate: "use explode and a GROUP BY",
  exists: "use size(filter(arr, x -> cond)) > 0",
  forall: "use size(filter(arr, x -> NOT cond)) = 0",
  map: "maps are not in the subset",
  struct: "structs are not in the subset; select the fields as columns",
  named_struct: "structs are not in the subset; select the fields as columns",
  from_json: "JSON parsing is not in the subset",
  get_json_object: "JSON parsing is not in the subset",
  reverse: "Spark's reverse works on strings and arrays alike; DuckDB's does not",
  left: "use substring(str, 1, n)",
  right: "use substring(str, -n)",
};

export function unknownFunction(name: Token): LakebookError {
  const lower = name.value.toLowerCase();
  const gap = KNOWN_GAPS[lower];
  return unsupported(
    `The function ${lower}()`,
    name,
    gap
      ? `${gap[0]?.toUpperCase()}${gap.slice(1)}, ${GLUE_HINT}.`
      : `Only functions whose DuckDB translation gives the same result are covered (pipeline/engine/spark-sql/README.md lists them): rewrite with those, ${GLUE_HINT}.`,
  );
}
