import { aggregationCalls } from "./aggregation";
import { column, itemColumn } from "./columns";
import { type Chain, call, pyString } from "./python-text";
import { type Join, type LateralView, NoDataFrameForm, type Relation, type SelectBlock } from "./query-shape";
import { hasAggregate, usedAsQualifier } from "./sql-text";

/** Views the SQL can name, lower-cased, to the Python variable holding each DataFrame. */
export type Scope = Map<string, string>;

/**
 * One SELECT as chained DataFrame calls, in the order Spark evaluates the clauses: FROM, joins and
 * lateral views, WHERE, GROUP BY + aggregates, HAVING, the SELECT list, DISTINCT.
 */
export function selectChain(select: SelectBlock, scope: Scope): Chain {
  const calls: string[] = [];
  for (const step of select.steps) {
    calls.push(step.kind === "join" ? joinCall(step, select, scope) : lateralCall(step));
  }
  if (select.where) calls.push(call("filter", [column(select.where)]));
  if (isGrouped(select)) calls.push(...aggregationCalls(select));
  else if (!(select.items.length === 1 && select.items[0]?.kind === "star" && select.items[0].text === "*"))
    calls.push(call("select", select.items.map(itemColumn)));
  if (select.distinct) calls.push(".distinct()");
  return { head: relation(select.from, select, scope), calls };
}

/** GROUP BY, HAVING or an aggregate in the SELECT list: the rows are groups. */
export function isGrouped(select: SelectBlock): boolean {
  return (
    select.groupBy !== undefined ||
    select.having !== undefined ||
    select.items.some((item) => item.kind === "expression" && hasAggregate(item.nodes))
  );
}

/**
 * A CTE or input is its Python variable, anything else a catalog table (`spark.table`, which keeps
 * `movies` as a qualifier). A variable carries no name of its own, so it gets `.alias(name)` when
 * the SQL qualifies columns with it.
 */
function relation(from: Relation, select: SelectBlock, scope: Scope): string {
  const only = from.parts.length === 1 ? from.parts[0] : undefined;
  const variable = only === undefined ? undefined : scope.get(only.toLowerCase());
  const base = variable ?? `spark.table(${pyString(from.text)})`;
  const alias = from.alias ?? (variable && only && usedAsQualifier(select.nodes, only) ? only : undefined);
  return alias ? `${base}.alias(${pyString(alias)})` : base;
}

function joinCall(join: Join, select: SelectBlock, scope: Scope): string {
  const other = relation(join.relation, select, scope);
  if (join.on) return call("join", [other, `on=${column(join.on)}`, `how=${pyString(join.how)}`]);
  if (join.using) {
    const names = `[${join.using.map(pyString).join(", ")}]`;
    return call("join", [other, `on=${names}`, `how=${pyString(join.how)}`]);
  }
  // `JOIN t` with no condition is every pair of rows, as CROSS JOIN is.
  if (join.how === "inner" || join.how === "cross") return call("crossJoin", [other]);
  throw new NoDataFrameForm(`A ${join.how.replace("_", " ").toUpperCase()} JOIN without ON or USING`);
}

/**
 * LATERAL VIEW explode drops rows whose array is NULL or empty, as F.explode does; OUTER keeps
 * them (explode_outer). posexplode makes two columns, which withColumn cannot name: a select does.
 */
function lateralCall(view: LateralView): string {
  const generator = `F.${view.generator}${view.outer ? "_outer" : ""}(${column(view.argument)})`;
  if (view.generator === "explode")
    return call("withColumn", [pyString(view.columns[0] ?? "col"), generator]);
  return call("select", [pyString("*"), `${generator}.alias(${view.columns.map(pyString).join(", ")})`]);
}
