import {
  isBlank,
  isGroup,
  isOp,
  isToken,
  isWord,
  type Node,
  STRUCTURE_WORDS,
  splitAtCommas,
  trimmed,
} from "../../../engine/spark-sql";
import { NoDataFrameForm, type OrderItem, type SelectItem } from "./query-shape";
import { hasSubquery, isNamePart, nameValue, sqlText } from "./sql-text";

/** The SELECT list: `*`, `t.*`, `expr`, `expr AS name`, `expr name`. */
export function readSelectList(nodes: Node[]): SelectItem[] {
  const items = splitAtCommas(nodes);
  if (items.length === 0) throw new NoDataFrameForm("An empty SELECT list");
  return items.map(readItem);
}

function readItem(item: Node[]): SelectItem {
  const significant = item.filter((node) => !isBlank(node));
  const last = significant[significant.length - 1];
  const before = significant[significant.length - 2];
  if (isOp(last, "*") && (significant.length === 1 || isOp(before, "."))) {
    return { kind: "star", text: sqlText(item) };
  }
  if (hasSubquery(item)) throw new NoDataFrameForm("A subquery in the SELECT list");
  if (isWord(before, "AS") && isGroup(last, "(")) throw new NoDataFrameForm("A multi-column alias AS (…)");
  const explicit = isWord(before, "AS") && isToken(last) && (last.kind === "word" || last.kind === "quoted");
  if (explicit || (isNamePart(last) && before !== undefined && endsValue(before))) {
    const cut = item.indexOf(explicit ? (before as Node) : (last as Node));
    return { kind: "expression", nodes: trimmed(item.slice(0, cut)), alias: nameValue(last as Node) };
  }
  return { kind: "expression", nodes: item };
}

/** Whether a name after `node` is an alias (`f(x) y`, `a b`), not part of the expression (`NOT y`, `a.b`). */
function endsValue(node: Node): boolean {
  if (node.kind === "group") return true;
  if (!isToken(node)) return false;
  if (node.kind === "word") return !STRUCTURE_WORDS.has(node.value);
  return node.kind === "quoted" || node.kind === "string" || node.kind === "number";
}

/** `expr [ASC | DESC] [NULLS FIRST | LAST]`, with Spark's defaults written out. */
export function readOrderBy(nodes: Node[]): OrderItem[] {
  return splitAtCommas(nodes).map((item) => {
    let end = item.length;
    const at = (offset: number) => item.filter((node) => !isBlank(node)).at(offset);
    let nullsFirst: boolean | undefined;
    if (isWord(at(-2), "NULLS") && isWord(at(-1), "FIRST", "LAST")) {
      nullsFirst = isWord(at(-1), "FIRST");
      end = item.indexOf(at(-2) as Node);
    }
    const direction = item
      .slice(0, end)
      .filter((node) => !isBlank(node))
      .at(-1);
    const descending = isWord(direction, "DESC");
    if (isWord(direction, "ASC", "DESC")) end = item.indexOf(direction);
    const expression = trimmed(item.slice(0, end));
    if (expression.length === 0) throw new NoDataFrameForm("An empty ORDER BY item");
    // Spark: ascending puts NULLs first, descending last.
    return { nodes: expression, descending, nullsFirst: nullsFirst ?? !descending };
  });
}
