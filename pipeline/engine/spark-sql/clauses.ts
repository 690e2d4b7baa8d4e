import type { Translator } from "./call";
import { GLUE_HINT, note, unsupported } from "./errors";
import { lineBreaks, sourceText } from "./lines";
import {
  isBlank,
  isGroup,
  isOp,
  isToken,
  isWord,
  type Node,
  nextSignificant,
  previousSignificant,
  splitAtCommas,
  type Token,
} from "./tree";

/** What a clause rewrite produced and where the walk goes on. */
export interface Step {
  text: string;
  next: number;
}

/** Words that end an ORDER BY / SORT BY / DISTRIBUTE BY list on the same level. */
const CLAUSE_END = new Set([
  "LIMIT",
  "OFFSET",
  "ROWS",
  "RANGE",
  "UNION",
  "INTERSECT",
  "EXCEPT",
  "MINUS",
  "WINDOW",
  "DISTRIBUTE",
  "SORT",
  "CLUSTER",
]);

function clauseEnd(nodes: Node[], from: number): number {
  for (let index = from; index < nodes.length; index += 1) {
    const node = nodes[index];
    if ((isWord(node) && CLAUSE_END.has(node.value)) || isOp(node, ";")) return index;
  }
  return nodes.length;
}

/**
 * The list after ORDER BY split at its top-level commas, each item with the whitespace and
 * comments around it (splitAtCommas trims them), so the rewritten list keeps the user's lines.
 */
function listItems(nodes: Node[]): Node[][] {
  const items: Node[][] = [[]];
  for (const node of nodes) {
    if (isOp(node, ",")) items.push([]);
    else items[items.length - 1]?.push(node);
  }
  return items;
}

/**
 * ORDER BY: Spark sorts NULLs first ascending and last descending; DuckDB sorts them last both
 * ways. Every item without its own NULLS FIRST/LAST gets Spark's order written out, right after
 * its last word: the whitespace, comments and line breaks between the words stay where they were.
 */
export function orderBy(nodes: Node[], index: number, t: Translator): Step {
  const by = nextSignificant(nodes, index + 1);
  const end = clauseEnd(nodes, by + 1);
  const list = nodes.slice(by + 1, end);
  const head = `${(nodes[index] as Token).text}${t.emit(nodes.slice(index + 1, by))}${(nodes[by] as Token).text}`;
  if (list.every(isBlank)) return { text: `${head}${t.emit(list)}`, next: end };
  const items = listItems(list).map((item) => {
    const last = previousSignificant(item, item.length - 1);
    const significant = item.filter((node) => !isBlank(node));
    const order = isWord(significant[significant.length - 2], "NULLS")
      ? ""
      : isWord(significant[significant.length - 1], "DESC")
        ? " NULLS LAST"
        : " NULLS FIRST";
    return `${t.emit(item.slice(0, last + 1))}${order}${t.emit(item.slice(last + 1))}`;
  });
  return { text: `${head}${items.join(",")}`, next: end };
}

const DROPPED: Record<string, string> = {
  DISTRIBUTE: "it only spreads rows over Spark partitions, the rows are the same",
  SORT: "it orders rows within each Spark partition only, so it promises no order; write ORDER BY for a sorted result",
  CLUSTER: "it is DISTRIBUTE BY plus SORT BY, which promise no order; write ORDER BY for a sorted result",
};

/** DISTRIBUTE BY / SORT BY / CLUSTER BY: Spark partitioning advice, dropped with a note. */
export function partitioningClause(nodes: Node[], index: number, t: Translator): Step {
  const keyword = nodes[index] as Token;
  const end = clauseEnd(nodes, nextSignificant(nodes, index + 1) + 1);
  t.notes.push(note(keyword, `${keyword.value} BY dropped: ${DROPPED[keyword.value]}.`));
  // The clause goes, its line breaks stay (with the blank before what follows).
  const last = previousSignificant(nodes, end - 1);
  const dropped = lineBreaks(sourceText(nodes.slice(index, last + 1))).join("");
  return { text: ` ${dropped}${t.emit(nodes.slice(last + 1, end))}`, next: end };
}

/**
 * `LATERAL VIEW explode(arr) t AS col` → `CROSS JOIN LATERAL (SELECT unnest(arr) AS col) AS t`;
 * posexplode adds `pos`, 0-based like Spark's. Both drop rows whose array is NULL or empty, as
 * Spark's LATERAL VIEW does.
 */
export function lateralView(nodes: Node[], index: number, t: Translator, alias: () => string): Step {
  let at = nextSignificant(nodes, nextSignificant(nodes, index + 1) + 1);
  if (isWord(nodes[at], "OUTER")) {
    throw unsupported(
      "LATERAL VIEW OUTER",
      nodes[index] as Token,
      `Write explode_outer(arr) AS col in the SELECT list instead (Lakebook translates it exactly; DuckDB's LEFT JOIN LATERAL unnest(…) is not equivalent), ${GLUE_HINT}.`,
    );
  }
  const generator = nodes[at];
  const group = nextSignificant(nodes, at + 1);
  const name = isWord(generator) ? generator.value : "";
  if ((name !== "EXPLODE" && name !== "POSEXPLODE") || !isGroup(nodes[group], "(")) {
    const what = isToken(generator) ? generator.text : "this";
    const place = isToken(generator) ? generator : (nodes[index] as Token);
    throw unsupported(
      `LATERAL VIEW ${what}(…)`,
      place,
      `The subset covers LATERAL VIEW explode(…) and posexplode(…), ${GLUE_HINT}.`,
    );
  }
  const args = splitAtCommas(nodes[group].body);
  if (args.length !== 1) {
    throw unsupported(
      `${name.toLowerCase()}() with ${args.length} arguments`,
      generator as Token,
      "Pass one array.",
    );
  }
  const array = t.emit(args[0] ?? []);
  at = nextSignificant(nodes, group + 1);
  let table = alias();
  if (isName(nodes[at]) && !isWord(nodes[at], "AS")) {
    table = t.emit([nodes[at] as Node]);
    at = nextSignificant(nodes, at + 1);
  }
  if (isWord(nodes[at], "AS")) at = nextSignificant(nodes, at + 1);
  const wanted = name === "EXPLODE" ? 1 : 2;
  // Spark reads every comma-separated name after the alias as a column name; so does this.
  const columns: string[] = [];
  let next = at;
  if (isName(nodes[at])) {
    columns.push(t.emit([nodes[at] as Node]));
    next = at + 1;
    for (;;) {
      const comma = nextSignificant(nodes, next);
      const after = nextSignificant(nodes, comma + 1);
      if (!isOp(nodes[comma], ",") || !isName(nodes[after])) break;
      columns.push(t.emit([nodes[after] as Node]));
      next = after + 1;
    }
  }
  if (columns.length > 0 && columns.length !== wanted) {
    throw unsupported(
      `LATERAL VIEW ${name.toLowerCase()}(…) with ${columns.length} column name${columns.length === 1 ? "" : "s"}`,
      generator as Token,
      `Name ${wanted === 1 ? "one column (exploding a map into key, value is not in the subset)" : "two columns: pos, col"}, ${GLUE_HINT}.`,
    );
  }
  const [first, second] = columns.length === wanted ? columns : name === "EXPLODE" ? ["col"] : ["pos", "col"];
  const select =
    name === "EXPLODE"
      ? `unnest(${array}) AS ${first}`
      : `unnest(range(len(${array}))) AS ${first}, unnest(${array}) AS ${second}`;
  return { text: `CROSS JOIN LATERAL (SELECT ${select}) AS ${table}`, next };
}

function isName(node: Node | undefined): boolean {
  return (
    isToken(node) &&
    (node.kind === "quoted" ||
      (node.kind === "word" &&
        ![
          "ON",
          "WHERE",
          "JOIN",
          "LATERAL",
          "GROUP",
          "ORDER",
          "LIMIT",
          "HAVING",
          "LEFT",
          "RIGHT",
          "INNER",
          "FULL",
          "CROSS",
          "UNION",
          "WINDOW",
        ].includes(node.value)))
  );
}

/** ROWS frames mean the same in both; RANGE frames with an offset depend on types: not covered. */
export function checkFrame(nodes: Node[], index: number): void {
  const keyword = nodes[index] as Token;
  if (keyword.value !== "RANGE") return;
  for (const node of nodes.slice(index + 1)) {
    if ((isToken(node) && node.kind === "number") || isWord(node, "INTERVAL") || isGroup(node)) {
      throw unsupported(
        "A RANGE window frame with an offset",
        keyword,
        `Use a ROWS frame (ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) or a RANGE frame bounded by UNBOUNDED/CURRENT ROW, ${GLUE_HINT}.`,
      );
    }
  }
}
