import { unsupported } from "./errors";
import { STATEMENT_WORDS } from "./keywords";
import { isGroup, isOp, isWord, type Node, nextSignificant, placeOf } from "./tree";

const ONE_QUERY =
  "A transform cell is one query, SELECT … or WITH … SELECT …; Lakebook writes its result to the cell's table.";

/**
 * A transform cell holds one SELECT (or WITH … SELECT, or a parenthesised query). Statements
 * that write or change state are Lakebook's job, not the cell's. Returns the query without a
 * trailing semicolon.
 */
export function oneQuery(nodes: Node[]): Node[] {
  const first = nextSignificant(nodes, 0);
  if (first >= nodes.length) return [];
  const start = nodes[first] as Node;
  if (!isWord(start, "SELECT", "WITH") && !isGroup(start, "(")) {
    const word = isWord(start) ? start.value : undefined;
    const what =
      word && STATEMENT_WORDS.has(word)
        ? `A${/^[AEIOU]/.test(word) ? "n" : ""} ${word} statement`
        : `A query that starts with ${word ?? "this"}`;
    throw unsupported(what, placeOf(start), ONE_QUERY);
  }
  for (const node of nodes) {
    if (isWord(node, "INSERT", "MERGE")) throw unsupported(`An ${node.value} statement`, node, ONE_QUERY);
  }
  const semicolon = nodes.findIndex((node) => isOp(node, ";"));
  if (semicolon < 0) return nodes;
  const after = nextSignificant(nodes, semicolon + 1);
  if (after < nodes.length) throw unsupported("A second statement", placeOf(nodes[after] as Node), ONE_QUERY);
  return nodes.slice(0, semicolon);
}
