import { quoteIdentifier } from "../../engine";
import { BIN_KEYS, type BinParams, binEndSql, binStartSql, niceBins } from "./bins";
import type { Spec } from "./chart-spec";
import { columnName, isObject } from "./encoding-fields";
import { timeUnitSql } from "./time-units";

/**
 * Vega's aggregate ops as DuckDB aggregates. Vega's median and quartiles interpolate (quantile_cont),
 * in doubles: on a DECIMAL column DuckDB would round them to the column's scale.
 */
const AGGREGATES: Record<string, (column: string) => string> = {
  count: () => "count(*)",
  valid: (c) => `count(${c})`,
  missing: (c) => `count(*) - count(${c})`,
  distinct: (c) => `count(DISTINCT ${c})`,
  sum: (c) => `sum(${c})`,
  mean: (c) => `avg(${c})`,
  average: (c) => `avg(${c})`,
  median: (c) => `quantile_cont(CAST(${c} AS DOUBLE), 0.5)`,
  q1: (c) => `quantile_cont(CAST(${c} AS DOUBLE), 0.25)`,
  q3: (c) => `quantile_cont(CAST(${c} AS DOUBLE), 0.75)`,
  min: (c) => `min(${c})`,
  max: (c) => `max(${c})`,
  product: (c) => `product(${c})`,
  stdev: (c) => `stddev_samp(${c})`,
  stdevp: (c) => `stddev_pop(${c})`,
  variance: (c) => `var_samp(${c})`,
  variancep: (c) => `var_pop(${c})`,
};

/** One SELECT item of the aggregate query. */
export interface SelectItem {
  alias: string;
  sql: string;
}

/** The encodings compiled to SQL: group by `groups`, compute `measures`; `spec` reads their aliases. */
export interface AggregatePlan {
  groups: SelectItem[];
  measures: SelectItem[];
  spec: Spec;
}

export type PushdownDecision =
  | { pushdown: true; plan: AggregatePlan }
  /** `reason` is absent when the encodings aggregate nothing: there is nothing to push down. */
  | { pushdown: false; reason?: string };

/** The smallest and largest value of a column (for bins), or null when it has none. */
export type ExtentOf = (column: string) => Promise<[number, number] | null>;

/** Why an encoding cannot be computed in SQL; the chart then aggregates capped rows in the browser. */
class NotPushable extends Error {}

/**
 * Compiles a unit spec whose encodings aggregate into one GROUP BY: the same groups Vega-Lite
 * would form (every non-aggregated field, bin and time unit is a dimension), so the browser gets
 * one row per mark instead of every source row. Bins and time units alone, without an aggregate,
 * still draw one mark per row and stay in the browser.
 */
export async function planPushdown(spec: Spec, extentOf: ExtentOf): Promise<PushdownDecision> {
  const encoding = spec.encoding;
  if (!isObject(encoding)) return { pushdown: false };
  const defs = Object.values(encoding).flatMap((value) => (Array.isArray(value) ? value : [value]));
  if (!defs.some((def) => isObject(def) && def.aggregate !== undefined)) return { pushdown: false };
  try {
    blockComposedSpecs(spec);
    const groups = new Map<string, string>();
    const measures = new Map<string, string>();
    const rewritten: Record<string, unknown> = {};
    const added: Record<string, unknown> = {};
    for (const [channel, value] of Object.entries(encoding)) {
      const rewrite = (def: unknown) =>
        rewriteDef(channel, def, encoding, { groups, measures, added, extentOf });
      rewritten[channel] = Array.isArray(value)
        ? await Promise.all(value.map(rewrite))
        : await rewrite(value);
    }
    const items = (map: Map<string, string>) => [...map].map(([alias, sql]) => ({ alias, sql }));
    return {
      pushdown: true,
      plan: {
        groups: items(groups),
        measures: items(measures),
        spec: { ...spec, encoding: { ...rewritten, ...added } },
      },
    };
  } catch (error) {
    if (error instanceof NotPushable) return { pushdown: false, reason: error.message };
    throw error;
  }
}

/** The aggregate query over the source, groups first, ordered by them so the output is stable. */
export function aggregateSql(sourceSql: string, plan: AggregatePlan): string {
  const select = [...plan.groups, ...plan.measures].map(
    (item) => `  ${item.sql} AS ${quoteIdentifier(item.alias)}`,
  );
  const positions = plan.groups.map((_, index) => index + 1).join(", ");
  const grouping = plan.groups.length ? `\nGROUP BY ${positions}\nORDER BY ${positions}` : "";
  return `SELECT\n${select.join(",\n")}\nFROM (\n${sourceSql}\n) AS source${grouping}`;
}

function blockComposedSpecs(spec: Spec): void {
  for (const key of ["layer", "concat", "hconcat", "vconcat", "repeat", "facet", "spec"]) {
    if (spec[key] !== undefined) throw new NotPushable(`a composed spec ("${key}")`);
  }
  if (Array.isArray(spec.transform) && spec.transform.length > 0) {
    throw new NotPushable("transforms, which run before the encodings aggregate");
  }
  const mark = isObject(spec.mark) ? spec.mark.type : spec.mark;
  if (["boxplot", "errorbar", "errorband"].includes(String(mark))) {
    throw new NotPushable(`the ${String(mark)} mark, which computes its own statistics`);
  }
}

interface PlanState {
  groups: Map<string, string>;
  measures: Map<string, string>;
  /** Channels the rewrite adds: x2/y2 for the end of a bin. */
  added: Record<string, unknown>;
  extentOf: ExtentOf;
}

async function rewriteDef(
  channel: string,
  def: unknown,
  encoding: Record<string, unknown>,
  state: PlanState,
): Promise<unknown> {
  if (!isObject(def)) return def;
  if (isObject(def.condition) && def.condition.field !== undefined)
    throw new NotPushable("a conditional field");
  if (isObject(def.sort) && (def.sort.field !== undefined || def.sort.op !== undefined)) {
    throw new NotPushable(`${channel}.sort by a field and op`);
  }
  const field = typeof def.field === "string" ? columnName(def.field) : undefined;
  const column = field === undefined ? "" : quoteIdentifier(field);
  const { aggregate, bin, timeUnit, ...rest } = def;
  if (aggregate !== undefined) {
    const op = typeof aggregate === "string" ? AGGREGATES[aggregate] : undefined;
    if (!op) throw new NotPushable(`the aggregate ${JSON.stringify(aggregate)}`);
    if (aggregate !== "count" && field === undefined) throw new NotPushable(`${aggregate} without a field`);
    if (bin || timeUnit) throw new NotPushable(`${channel}: an aggregate of a binned field`);
    const alias = aggregate === "count" ? "__count" : `${aggregate}_${field}`;
    state.measures.set(alias, op(column));
    const title = aggregate === "count" ? "Count of Records" : `${titleCase(String(aggregate))} of ${field}`;
    return {
      ...rest,
      field: escapeField(alias),
      type: def.type ?? "quantitative",
      title: def.title ?? title,
    };
  }
  if (field === undefined) return def;
  if (bin && bin !== "binned" && !(isObject(bin) && bin.binned)) {
    if (channel !== "x" && channel !== "y") throw new NotPushable(`a bin on ${channel}`);
    if (encoding[`${channel}2`] !== undefined) throw new NotPushable(`a bin on ${channel} with ${channel}2`);
    const params = (isObject(bin) ? bin : {}) as BinParams;
    const unknown = Object.keys(params).find((key) => !BIN_KEYS.has(key));
    if (unknown) throw new NotPushable(`the bin parameter "${unknown}"`);
    const extent = params.extent ?? (await state.extentOf(field)) ?? [0, 0];
    const bins = niceBins({ ...params, maxbins: params.maxbins ?? 10 }, extent);
    const alias = `bin_${field}`;
    const start = binStartSql(column, bins);
    state.groups.set(alias, start);
    state.groups.set(`${alias}_end`, binEndSql(start, bins));
    state.added[`${channel}2`] = { field: escapeField(`${alias}_end`) };
    return {
      ...rest,
      field: escapeField(alias),
      bin: { binned: true, step: bins.step },
      type: def.type ?? "quantitative",
      title: def.title ?? `${field} (binned)`,
    };
  }
  if (timeUnit !== undefined && !(isObject(timeUnit) && timeUnit.binned)) {
    const unit = timeUnitSql(column, timeUnit);
    if ("reason" in unit) throw new NotPushable(unit.reason);
    const alias = `${unit.unit}_${field}`;
    state.groups.set(alias, unit.sql);
    return {
      ...rest,
      field: escapeField(alias),
      timeUnit: { unit: unit.unit, ...(unit.utc ? { utc: true } : {}), binned: true },
      type: def.type ?? "temporal",
      title: def.title ?? `${field} (${unit.parts.join("-")})`,
    };
  }
  state.groups.set(field, column);
  return def;
}

/** Vega-Lite's default titles capitalise the op: "Mean of imdb_rating". */
function titleCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A flat name as a Vega-Lite field: dots and brackets would otherwise read as nested access. */
function escapeField(name: string): string {
  return name.replace(/[.[\]\\]/g, "\\$&");
}
