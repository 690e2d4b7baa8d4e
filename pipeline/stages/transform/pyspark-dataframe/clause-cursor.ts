import { isBlank, isGroup, isOp, isWord, type Node } from "../../../engine/spark-sql";
import { NoDataFrameForm } from "./query-shape";
import { hasSubquery, sqlText } from "./sql-text";

/** Words that start a clause (or a join) on a SELECT's own level, so they end the expression before. */
const CLAUSE_WORDS = new Set(
  `FROM WHERE GROUP HAVING ORDER LIMIT WINDOW CLUSTER DISTRIBUTE SORT OFFSET QUALIFY LATERAL JOIN INNER
  CROSS FULL LEFT RIGHT SEMI ANTI NATURAL UNION INTERSECT EXCEPT MINUS PIVOT UNPIVOT TABLESAMPLE ON
  USING`.split(/\s+/),
);
/** These start a clause only when BY follows. */
const NEEDS_BY = new Set(["GROUP", "ORDER", "SORT", "CLUSTER", "DISTRIBUTE"]);
/** These are also functions: `left(s, 3)`, `window(ts, '1 hour')`. */
const ALSO_FUNCTIONS = new Set(["LEFT", "RIGHT", "WINDOW"]);

/**
 * Walks the significant nodes of one level (whitespace and comments skipped) while keeping them
 * in the slices it hands out, so an expression's text is the cell's text.
 */
export class ClauseCursor {
  private readonly at: number[];
  position = 0;

  constructor(private readonly nodes: Node[]) {
    this.at = nodes.flatMap((node, index) => (isBlank(node) ? [] : [index]));
  }

  node(offset = 0): Node | undefined {
    const index = this.at[this.position + offset];
    return index === undefined ? undefined : this.nodes[index];
  }

  word(...values: string[]): boolean {
    return isWord(this.node(), ...values);
  }

  done(): boolean {
    return this.position >= this.at.length;
  }

  take(): Node {
    const node = this.node();
    if (!node) throw new NoDataFrameForm("An incomplete clause");
    this.position += 1;
    return node;
  }

  /** Skips the given words in order, e.g. `skip("GROUP", "BY")`; refuses anything else. */
  skip(...words: string[]): void {
    for (const word of words) {
      if (!this.word(word)) throw new NoDataFrameForm(`${this.describe()} where ${word} was expected`);
      this.position += 1;
    }
  }

  /** The construct at the cursor, for a fallback comment: `SORT BY`, `WINDOW`, `OFFSET`. */
  describe(): string {
    const node = this.node();
    if (!node) return "The end of the query";
    const text = sqlText([node]);
    if (node.kind === "group") return `(${text.length > 30 ? "…" : text.slice(1, -1)})`;
    return isWord(this.node(1), "BY") ? `${text.toUpperCase()} BY` : text.toUpperCase();
  }

  /** Whether the node at the cursor starts the next clause. */
  atClause(): boolean {
    const node = this.node();
    if (!isWord(node) || !CLAUSE_WORDS.has(node.value)) return isOp(node, ";");
    if (NEEDS_BY.has(node.value)) return isWord(this.node(1), "BY");
    if (ALSO_FUNCTIONS.has(node.value)) return !isGroup(this.node(1), "(");
    // `a IS [NOT] DISTINCT FROM b` is an operator, not a FROM clause.
    if (node.value === "FROM") return !isWord(this.node(-1), "DISTINCT");
    return true;
  }

  /** The nodes up to the next clause, blanks between them kept. */
  untilClause(): Node[] {
    const start = this.position;
    while (!this.done() && !this.atClause()) this.position += 1;
    return this.slice(start, this.position);
  }

  /** An expression clause's nodes; F.expr cannot hold a subquery, so one refuses the DataFrame form. */
  expression(clause: string): Node[] {
    const nodes = this.untilClause();
    if (nodes.length === 0) throw new NoDataFrameForm(`An empty ${clause}`);
    if (hasSubquery(nodes)) throw new NoDataFrameForm(`A subquery in ${clause}`);
    return nodes;
  }

  /** Everything from the cursor on. */
  rest(): Node[] {
    const start = this.position;
    this.position = this.at.length;
    return this.slice(start, this.position);
  }

  private slice(from: number, to: number): Node[] {
    if (from >= to) return [];
    return this.nodes.slice(this.at[from], (this.at[to - 1] as number) + 1);
  }
}
