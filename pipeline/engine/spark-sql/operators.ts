import type { Translator } from "./call";
import { unsupported } from "./errors";
import { regexArgument } from "./functions/regex";
import { endsOperand, leftOperandStart, primaryEnd, rightOperandEnd } from "./operands";
import {
  isOp,
  isToken,
  isWord,
  type Node,
  nextSignificant,
  previousSignificant,
  type Raw,
  trimmed,
} from "./tree";

/**
 * Infix operators whose DuckDB form needs their operands, rewritten on one level of the tree
 * before it is emitted; each rewrite becomes one Raw node, so it is an operand for the next.
 * Products first (they bind tighter), then the comparison-level pattern operators.
 *
 * - `a / b`, `a % b`: Spark gives NULL when b is 0; DuckDB gives Infinity/NaN → `nullif(b, 0)`.
 * - `a div b`: integral division truncating toward zero → `CAST(trunc(a // b) AS BIGINT)`.
 * - `a [NOT] RLIKE|REGEXP p` → `[NOT] regexp_matches(a, p)` (a partial match, like Java's find()).
 * - `a [NOT] LIKE|ILIKE p`: Spark's default escape is `\`, DuckDB has none → `ESCAPE '\'`.
 */
export function rewriteInfix(input: Node[], t: Translator): Node[] {
  let nodes = input;
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index];
    if (isOp(node, "/", "%")) nodes = divisor(nodes, index, t);
    else if (isWord(node, "DIV")) [nodes, index] = integralDivision(nodes, index, t);
  }
  for (let index = 0; index < nodes.length; index += 1) {
    // rlike(str, pattern) with nothing before it is the function form, left to the registry.
    const previous = previousSignificant(nodes, index - 1);
    const beforeNot = previousSignificant(nodes, previous - 1);
    const infix =
      endsOperand(nodes, previous) || (isWord(nodes[previous], "NOT") && endsOperand(nodes, beforeNot));
    if (isWord(nodes[index], "RLIKE", "REGEXP", "LIKE", "ILIKE") && infix) {
      [nodes, index] = patternMatch(nodes, index, t);
    }
  }
  return nodes;
}

function raw(text: string, at: Node, source: Node[]): Raw {
  const token = isToken(at) ? at : at.kind === "group" ? at.open : at.at;
  return { kind: "raw", text, at: token, source };
}

function divisor(nodes: Node[], index: number, t: Translator): Node[] {
  const op = nodes[index] as Node;
  const start = nextSignificant(nodes, index + 1);
  const end = primaryEnd(nodes, start, (op as { text: string }).text);
  const right = nodes.slice(start, end + 1);
  const literal = right.length === 1 && isToken(right[0]) && right[0].kind === "number";
  if (literal && Number((right[0] as { value: string }).value) !== 0) return nodes;
  return [...nodes.slice(0, start), raw(`nullif(${t.emit(right)}, 0)`, op, right), ...nodes.slice(end + 1)];
}

function integralDivision(nodes: Node[], index: number, t: Translator): [Node[], number] {
  const op = nodes[index] as Node;
  const start = leftOperandStart(nodes, index - 1, "product", "div");
  const rightStart = nextSignificant(nodes, index + 1);
  const end = primaryEnd(nodes, rightStart, "div");
  const left = t.emit(trimmed(nodes.slice(start, index)));
  const right = t.emit(nodes.slice(rightStart, end + 1));
  const text = `CAST(trunc((${left}) // nullif(${right}, 0)) AS BIGINT)`;
  return [
    [...nodes.slice(0, start), raw(text, op, nodes.slice(start, end + 1)), ...nodes.slice(end + 1)],
    start,
  ];
}

function patternMatch(nodes: Node[], index: number, t: Translator): [Node[], number] {
  const op = nodes[index] as { value: string; line: number; col: number } & Node;
  const notAt = previousSignificant(nodes, index - 1);
  const negated = isWord(nodes[notAt], "NOT");
  const leftEnd = negated ? notAt - 1 : index - 1;
  const start = leftOperandStart(nodes, leftEnd, "sum", op.value);
  const rightStart = nextSignificant(nodes, index + 1);
  if (isWord(nodes[rightStart], "ANY", "ALL", "SOME")) {
    throw unsupported(
      `${op.value} ${(nodes[rightStart] as { value: string }).value} (…)`,
      op,
      `Write one ${op.value} per pattern joined with OR / AND.`,
    );
  }
  const end = rightOperandEnd(nodes, rightStart, "sum", op.value);
  const left = t.emit(trimmed(nodes.slice(start, leftEnd + 1)));
  const not = negated ? "NOT " : "";
  let text: string;
  if (op.value === "RLIKE" || op.value === "REGEXP") {
    const pattern = regexArgument(nodes.slice(rightStart, end + 1), op, op.value);
    text = `${not}regexp_matches(${left}, ${pattern})`;
  } else {
    // A user-written ESCAPE clause stays as it is, with the operands emitted normally.
    if (isWord(nodes[nextSignificant(nodes, end + 1)], "ESCAPE")) return [nodes, index];
    text = `${left} ${not}${op.value} ${t.emit(nodes.slice(rightStart, end + 1))} ESCAPE '\\'`;
  }
  return [
    [...nodes.slice(0, start), raw(text, op, nodes.slice(start, end + 1)), ...nodes.slice(end + 1)],
    start,
  ];
}
