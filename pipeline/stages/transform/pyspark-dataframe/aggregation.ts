import { integerLiteral, type Node } from "../../../engine/spark-sql";
import { column, itemColumn, quoteName } from "./columns";
import { call, pyString } from "./python-text";
import { NoDataFrameForm, type SelectBlock, type SelectItem } from "./query-shape";
import { aggregateCallEnd, hasWindow, plainColumn, sqlKey, sqlText } from "./sql-text";

type Expression = Extract<SelectItem, { kind: "expression" }>;

interface Key {
  nodes: Node[];
  /** The SELECT item that shows this key, if any. */
  item?: number;
}

interface Aggregate {
  arg: string;
  name: string | undefined;
  key: string;
  /** The SELECT item it is. */
  item?: number;
  /** Added for HAVING only; dropped again by the final select. */
  hidden?: boolean;
}

/**
 * A grouped SELECT as `.groupBy(keys).agg(…)`: keys the SELECT list shows keep their place and
 * `AS` name; every other item (aggregates, expressions over them) goes into `.agg` with its name;
 * HAVING filters after, its aggregate calls read from the agg columns; a final `.select` restores the
 * SELECT list's order when the groupBy-then-agg order differs, or drops keys it does not show.
 */
export function aggregationCalls(select: SelectBlock): string[] {
  const items = select.items.map((item): Expression => {
    if (item.kind === "star") throw new NoDataFrameForm("SELECT * with GROUP BY");
    if (hasWindow(item.nodes)) throw new NoDataFrameForm("A window function over grouped rows");
    return item;
  });
  const keys = (select.groupBy ?? []).map((key) => resolveKey(key, items));
  items.forEach((item, index) => {
    if (keys.some((key) => key.item === index)) return;
    const key = keys.find(
      (candidate) => candidate.item === undefined && sameColumn(candidate.nodes, item.nodes),
    );
    if (key) key.item = index;
  });
  const keyNames = keys.map((key) =>
    key.item === undefined ? plainColumn(key.nodes)?.name : nameOf(items[key.item]),
  );
  const keyArgs = keys.map((key) => {
    const alias = key.item === undefined ? undefined : items[key.item]?.alias;
    const plain = plainColumn(key.nodes);
    const renamed = alias !== undefined && alias.toLowerCase() !== plain?.name.toLowerCase();
    return renamed ? `${column(key.nodes)}.alias(${pyString(alias)})` : column(key.nodes);
  });
  const aggregates: Aggregate[] = items.flatMap((item, index) =>
    keys.some((key) => key.item === index)
      ? []
      : [{ arg: itemColumn(item), name: nameOf(item), key: sqlKey(item.nodes), item: index }],
  );
  const having = select.having ? havingText(select.having, aggregates) : undefined;

  const calls: string[] = [];
  if (aggregates.length === 0) {
    if (keys.length === 0) throw new NoDataFrameForm("HAVING without GROUP BY or aggregates");
    // GROUP BY without aggregates is the distinct keys; `.agg()` refuses an empty list.
    calls.push(call("select", keyArgs), ".distinct()");
  } else {
    if (keys.length > 0) calls.push(call("groupBy", keyArgs));
    calls.push(
      call(
        "agg",
        aggregates.map((aggregate) => aggregate.arg),
      ),
    );
  }
  if (having) calls.push(call("filter", [`F.expr(${pyString(having)})`]));

  const produced = [...keyNames, ...aggregates.map((aggregate) => aggregate.name)];
  const wanted = items.map((_, index) => {
    const key = keys.findIndex((candidate) => candidate.item === index);
    return key >= 0 ? keyNames[key] : aggregates.find((aggregate) => aggregate.item === index)?.name;
  });
  const sameOrder =
    produced.length === wanted.length &&
    produced.every((name, index) => name?.toLowerCase() === wanted[index]?.toLowerCase());
  if (!sameOrder) {
    const names = wanted.map((name) => {
      if (name === undefined) throw new NoDataFrameForm("An unnamed column in a reordered grouped SELECT");
      return name;
    });
    if (new Set(names.map((name) => name.toLowerCase())).size !== names.length)
      throw new NoDataFrameForm("Two grouped columns with the same name");
    calls.push(
      call(
        "select",
        names.map((name) => `F.col(${pyString(quoteName(name))})`),
      ),
    );
  }
  return calls;
}

/** GROUP BY 2 means the second SELECT item; GROUP BY a name that is only an alias is ambiguous here. */
function resolveKey(key: Node[], items: Expression[]): Key {
  const ordinal = integerLiteral(key);
  if (ordinal !== undefined) {
    const item = items[ordinal - 1];
    if (!item) throw new NoDataFrameForm(`GROUP BY ${ordinal} beyond the SELECT list`);
    return { nodes: item.nodes, item: ordinal - 1 };
  }
  const plain = plainColumn(key);
  if (plain && !plain.ref.includes(".")) {
    const aliased = items.find((item) => item.alias?.toLowerCase() === plain.name.toLowerCase());
    if (aliased && plainColumn(aliased.nodes)?.name.toLowerCase() !== plain.name.toLowerCase())
      // Spark reads it as the alias only when no input column has that name, which the script cannot see.
      throw new NoDataFrameForm("GROUP BY a SELECT-list alias");
  }
  return { nodes: key };
}

function sameColumn(key: Node[], item: Node[]): boolean {
  if (sqlKey(key) === sqlKey(item)) return true;
  const [a, b] = [plainColumn(key), plainColumn(item)];
  return a !== undefined && b !== undefined && a.name.toLowerCase() === b.name.toLowerCase();
}

function nameOf(item: Expression | undefined): string | undefined {
  return item && (item.alias ?? plainColumn(item.nodes)?.name);
}

/** HAVING's aggregate calls read the agg column holding them; others get a hidden agg column. */
function havingText(having: Node[], aggregates: Aggregate[]): string {
  let hidden = 0;
  return sqlText(having, (level, index) => {
    const end = aggregateCallEnd(level, index);
    if (end === undefined) return undefined;
    const span = level.slice(index, end);
    const key = sqlKey(span);
    const known = aggregates.find((aggregate) => aggregate.key === key && aggregate.name !== undefined);
    if (known?.name) return { text: quoteName(known.name), next: end };
    hidden += 1;
    const name = `_having_${hidden}`;
    aggregates.push({ arg: `${column(span)}.alias(${pyString(name)})`, name, key, hidden: true });
    return { text: name, next: end };
  });
}
