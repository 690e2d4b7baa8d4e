import type { Node } from "../../../engine/spark-sql";
import { pyString } from "./python-text";
import type { OrderItem, SelectItem } from "./query-shape";
import { plainColumn, sqlText } from "./sql-text";

/** `F.col("t.a")` for a plain column, `F.expr("…")` with the cell's text for anything else. */
export function column(nodes: Node[]): string {
  const plain = plainColumn(nodes);
  return plain ? `F.col(${pyString(plain.ref)})` : `F.expr(${pyString(sqlText(nodes))})`;
}

/** A SELECT item as a column, keeping the cell's `AS` name. */
export function itemColumn(item: SelectItem): string {
  if (item.kind === "star") return pyString(item.text);
  return item.alias ? `${column(item.nodes)}.alias(${pyString(item.alias)})` : column(item.nodes);
}

/** The name a SELECT item's column gets: its alias, a plain column's own name, else unknown here. */
export function itemName(item: SelectItem): string | undefined {
  if (item.kind === "star") return undefined;
  return item.alias ?? plainColumn(item.nodes)?.name;
}

/** A column name as SQL or `F.col` reads it: backticks unless it is a plain identifier. */
export function quoteName(name: string): string {
  return /^[A-Za-z_]\w*$/.test(name) ? name : `\`${name.replaceAll("`", "``")}\``;
}

/** An ORDER BY key with Spark's NULL placement spelled out (ASC NULLS FIRST, DESC NULLS LAST). */
export function sortKey(target: string, order: OrderItem): string {
  return `${target}.${order.descending ? "desc" : "asc"}_nulls_${order.nullsFirst ? "first" : "last"}()`;
}
