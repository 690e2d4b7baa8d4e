import { integerLiteral } from "../../../engine/spark-sql";
import { column, itemName, quoteName, sortKey } from "./columns";
import { isGrouped, type Scope, selectChain } from "./emit-select";
import { assignment, type Chain, call, chainText, pyLong, pyString } from "./python-text";
import { type Fallback, NoDataFrameForm, type Query, type QueryBody } from "./query-shape";
import { hasAggregate, namesUsed, plainColumn, sqlKey, verbatim } from "./sql-text";

/**
 * A query as Python statements: each CTE a DataFrame variable named after it, the body assigned to
 * `result`. A part without a DataFrame form runs through `spark.sql` under a comment naming the
 * construct; the CTEs it reads are registered as views first, since it reads them by name.
 */
export function queryLines(query: Query, inputs: Scope, variableFor: (name: string) => string): string[] {
  const scope: Scope = new Map(inputs);
  const ctes = new Map<string, string>();
  const lines: string[] = [];
  for (const cte of query.ctes) {
    const variable = variableFor(cte.name);
    lines.push(`# WITH ${cte.name} AS (…)`);
    lines.push(...partLines(variable, cte.body, scope, ctes));
    if (cte.columns.length > 0)
      lines.push(`${variable} = ${variable}${call("toDF", cte.columns.map(pyString))}`);
    lines.push("");
    scope.set(cte.name.toLowerCase(), variable);
    ctes.set(cte.name.toLowerCase(), variable);
  }
  lines.push(...partLines("result", query.body, scope, ctes));
  return lines;
}

/** The whole query through spark.sql, when even its WITH list has no DataFrame form. */
export function fallbackLines(sql: string, construct: string): string[] {
  return [fallbackComment(construct), `result = spark.sql(${pyLong(sql.trim())})`];
}

function partLines(variable: string, part: QueryBody | Fallback, scope: Scope, ctes: Scope): string[] {
  if (part.kind === "body") {
    try {
      return assignment(variable, bodyChain(part, scope));
    } catch (error) {
      if (!(error instanceof NoDataFrameForm)) throw error;
      return sqlLines(variable, { kind: "fallback", construct: error.construct, nodes: part.nodes }, ctes);
    }
  }
  return sqlLines(variable, part, ctes);
}

function sqlLines(variable: string, fallback: Fallback, ctes: Scope): string[] {
  const used = namesUsed(fallback.nodes);
  const views = [...ctes].filter(([name]) => used.has(name));
  return [
    fallbackComment(fallback.construct),
    ...views.map(([name, cte]) => `${cte}.createOrReplaceTempView(${pyString(name)})`),
    `${variable} = spark.sql(${pyLong(verbatim(fallback.nodes).trim())})`,
  ];
}

function fallbackComment(construct: string): string {
  const readable = /^[A-Z][a-z ]/.test(construct)
    ? construct[0]?.toLowerCase() + construct.slice(1)
    : construct;
  return `# spark.sql: ${readable} has no DataFrame form here`;
}

/**
 * SELECTs joined the way Spark SQL joins them: UNION ALL by position (`.union`; `unionByName`
 * would match names), UNION also drops duplicates. ORDER BY and LIMIT apply to the whole.
 */
function bodyChain(body: QueryBody, scope: Scope): Chain {
  const [first, ...rest] = body.selects.map((select) => selectChain(select, scope));
  if (!first) throw new NoDataFrameForm("An empty query");
  const chain: Chain = { head: first.head, calls: [...first.calls] };
  rest.forEach((other, index) => {
    chain.calls.push(call("union", [chainText(other)]));
    if (body.unions[index] === "union") chain.calls.push(".distinct()");
  });
  if (body.orderBy.length > 0) chain.calls.push(call("orderBy", orderKeys(body)));
  if (body.limit !== undefined) chain.calls.push(`.limit(${body.limit})`);
  return chain;
}

/**
 * ORDER BY runs after the SELECT list, so a key that is a SELECT item (or its position) reads that
 * item's column; an aggregate not in the list is gone by then.
 */
function orderKeys(body: QueryBody): string[] {
  const first = body.selects[0];
  const items = first?.items ?? [];
  // After a grouped SELECT only its own columns are left to sort by.
  const onlyItems = body.selects.length === 1 && first !== undefined && isGrouped(first);
  return body.orderBy.map((order) => {
    const position = integerLiteral(order.nodes);
    const plain = plainColumn(order.nodes);
    const item =
      position !== undefined
        ? items[position - 1]
        : items.find(
            (candidate) =>
              candidate.kind === "expression" &&
              (sqlKey(candidate.nodes) === sqlKey(order.nodes) ||
                // `ORDER BY n` names the item `… AS n` or `t.n`; `ORDER BY t.n` the column only.
                (plain !== undefined &&
                  (plain.ref.includes(".")
                    ? plainColumn(candidate.nodes)?.name
                    : itemName(candidate)
                  )?.toLowerCase() === plain.name.toLowerCase())),
          );
    const name = item ? itemName(item) : undefined;
    if (position !== undefined && name === undefined) throw new NoDataFrameForm(`ORDER BY ${position}`);
    if (name !== undefined) return sortKey(`F.col(${pyString(quoteName(name))})`, order);
    if (onlyItems || hasAggregate(order.nodes))
      throw new NoDataFrameForm("ORDER BY an expression the grouped SELECT list does not name");
    return sortKey(column(order.nodes), order);
  });
}
