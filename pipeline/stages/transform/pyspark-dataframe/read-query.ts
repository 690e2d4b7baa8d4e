import {
  buildTree,
  isGroup,
  isOp,
  isWord,
  type Node,
  splitAtCommas,
  tokenize,
} from "../../../engine/spark-sql";
import { ClauseCursor } from "./clause-cursor";
import { type Cte, type Fallback, NoDataFrameForm, type Query, type QueryBody } from "./query-shape";
import { readSelect } from "./read-select";
import { isNamePart, nameValue } from "./sql-text";

const SET_OPERATIONS = ["UNION", "INTERSECT", "EXCEPT", "MINUS"];

/**
 * A transform cell's SQL as CTEs + a body. A CTE or the body outside the DataFrame shapes becomes
 * a Fallback of its own, so one odd CTE does not send the whole query to `spark.sql`; a query
 * whose WITH list itself cannot be read throws NoDataFrameForm.
 */
export function readQuery(sql: string): Query {
  let nodes: Node[];
  try {
    nodes = buildTree(tokenize(sql));
  } catch {
    throw new NoDataFrameForm("SQL outside Lakebook's Spark SQL subset");
  }
  const c = new ClauseCursor(withoutSemicolon(nodes));
  const ctes: Cte[] = [];
  if (c.word("WITH")) {
    c.skip("WITH");
    if (c.word("RECURSIVE")) throw new NoDataFrameForm("WITH RECURSIVE");
    for (;;) {
      if (!isNamePart(c.node())) throw new NoDataFrameForm(`A CTE named ${c.describe()}`);
      const name = nameValue(c.take());
      const columns = isGroup(c.node(), "(") ? columnNames(c.take()) : [];
      c.skip("AS");
      const body = c.take();
      if (!isGroup(body, "(")) throw new NoDataFrameForm("A CTE without (…)");
      ctes.push({ name, columns, body: bodyOrFallback(body.body) });
      if (!isOp(c.node(), ",")) break;
      c.take();
    }
  }
  return { ctes, body: bodyOrFallback(c.rest()) };
}

function withoutSemicolon(nodes: Node[]): Node[] {
  const semicolon = nodes.findIndex((node) => isOp(node, ";"));
  if (semicolon < 0) return nodes;
  if (nodes.slice(semicolon + 1).some((node) => node.kind !== "space" && node.kind !== "comment"))
    throw new NoDataFrameForm("A second statement");
  return nodes.slice(0, semicolon);
}

function columnNames(group: Node): string[] {
  const names = isGroup(group) ? splitAtCommas(group.body) : [];
  if (names.some((name) => name.length !== 1 || !isNamePart(name[0])))
    throw new NoDataFrameForm("CTE column names that are not names");
  return names.map((name) => nameValue(name[0] as Node));
}

function bodyOrFallback(nodes: Node[]): QueryBody | Fallback {
  try {
    return readBody(nodes);
  } catch (error) {
    if (!(error instanceof NoDataFrameForm)) throw error;
    return { kind: "fallback", construct: error.construct, nodes };
  }
}

/** SELECTs joined by UNION [ALL | DISTINCT]; ORDER BY and LIMIT after the last belong to the whole. */
function readBody(nodes: Node[]): QueryBody {
  const pieces: Node[][] = [[]];
  const unions: QueryBody["unions"] = [];
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index] as Node;
    if (isWord(node, "WITH")) throw new NoDataFrameForm("A WITH inside a CTE");
    if (!isWord(node, ...SET_OPERATIONS)) {
      pieces[pieces.length - 1]?.push(node);
      continue;
    }
    if (node.value !== "UNION") throw new NoDataFrameForm(node.value);
    const next = nodes.slice(index + 1).find((after) => after.kind !== "space" && after.kind !== "comment");
    const all = isWord(next, "ALL");
    if (isWord(next, "ALL", "DISTINCT")) index = nodes.indexOf(next as Node);
    unions.push(all ? "union all" : "union");
    pieces.push([]);
  }
  const selects = pieces.map(readSelect);
  const last = selects[selects.length - 1];
  if (!last) throw new NoDataFrameForm("An empty query");
  if (selects.slice(0, -1).some((select) => select.orderBy.length > 0 || select.limit !== undefined))
    throw new NoDataFrameForm("ORDER BY or LIMIT inside a UNION");
  const body: QueryBody = { kind: "body", selects, unions, orderBy: last.orderBy, nodes };
  if (last.limit !== undefined) body.limit = last.limit;
  return body;
}
