import { unsupported } from "./errors";
import { STRUCTURE_WORDS, VALUE_WORDS } from "./keywords";
import {
  isGroup,
  isOp,
  isToken,
  isWord,
  type Node,
  nextSignificant,
  placeOf,
  previousSignificant,
} from "./tree";

/**
 * Finds the operands of an infix operator on one level of the tree, so `a RLIKE b` can become
 * `regexp_matches(a, b)`. Precedence is honoured only as far as the rewrites need it:
 * "product" operands stop at + - ||, "sum" operands run across all arithmetic; comparisons, AND,
 * OR and keywords always end an operand. What cannot be read safely is rejected, with the advice
 * to add parentheses, which always makes an operand one node.
 */
export type Level = "product" | "sum";

const PRODUCT_OPS = ["*", "/", "%"];
const SUM_OPS = [...PRODUCT_OPS, "+", "-", "||", "&", "|"];

function isBinaryOp(nodes: Node[], index: number, level: Level): boolean {
  const node = nodes[index];
  if (isWord(node, "DIV")) return true;
  if (!isOp(node, ...(level === "product" ? PRODUCT_OPS : SUM_OPS))) return false;
  // A sign right after an operator, a keyword or the start is unary, not binary.
  return !(isOp(node, "-", "+") && !endsOperand(nodes, previousSignificant(nodes, index - 1)));
}

/** Whether the node at `index` can be the last node of an operand. */
export function endsOperand(nodes: Node[], index: number): boolean {
  const node = nodes[index];
  if (node === undefined) return false;
  if (!isToken(node)) return true;
  if (node.kind === "word") return !STRUCTURE_WORDS.has(node.value) || VALUE_WORDS.has(node.value);
  return node.kind === "quoted" || node.kind === "string" || node.kind === "number";
}

function isNameWord(node: Node | undefined): boolean {
  if (isWord(node)) return !STRUCTURE_WORDS.has(node.value);
  return isToken(node) && node.kind === "quoted";
}

function cannotRead(nodes: Node[], index: number, operator: string): never {
  const node = nodes[Math.max(0, Math.min(index, nodes.length - 1))];
  const at = node ? placeOf(node) : { line: 1, col: 1 };
  throw unsupported(
    `An operand of ${operator} that Lakebook cannot delimit`,
    at,
    `Put the operand of ${operator} in parentheses.`,
  );
}

/** Index of the first node of the operand that ends at `end` (inclusive). */
export function leftOperandStart(nodes: Node[], end: number, level: Level, operator: string): number {
  let index = previousSignificant(nodes, end);
  for (;;) {
    let start = primaryStart(nodes, index, operator);
    const sign = previousSignificant(nodes, start - 1);
    if (isOp(nodes[sign], "-", "+") && !endsOperand(nodes, previousSignificant(nodes, sign - 1)))
      start = sign;
    const before = previousSignificant(nodes, start - 1);
    if (before < 0 || !isBinaryOp(nodes, before, level)) return start;
    index = previousSignificant(nodes, before - 1);
  }
}

/** Index of the last node of the operand that starts at or after `from`. */
export function rightOperandEnd(nodes: Node[], from: number, level: Level, operator: string): number {
  let index = nextSignificant(nodes, from);
  for (;;) {
    if (isOp(nodes[index], "-", "+")) index = nextSignificant(nodes, index + 1);
    const end = primaryEnd(nodes, index, operator);
    const after = nextSignificant(nodes, end + 1);
    if (after >= nodes.length || !isBinaryOp(nodes, after, level)) return end;
    index = nextSignificant(nodes, after + 1);
  }
}

/** One operand without binary operators: a name, literal, call (with its window), group or CASE. */
export function primaryEnd(nodes: Node[], index: number, operator: string): number {
  const node = nodes[index];
  let end = index;
  if (isNameWord(node)) {
    end = nameChainEnd(nodes, index);
    const open = nextSignificant(nodes, end + 1);
    if (isGroup(nodes[open], "(")) end = callTailEnd(nodes, open);
  } else if (isWord(node, "DATE", "TIMESTAMP") && isToken(nodes[nextSignificant(nodes, index + 1)])) {
    end = nextSignificant(nodes, index + 1);
  } else if (!endsOperand(nodes, index)) cannotRead(nodes, index, operator);
  for (let next = nextSignificant(nodes, end + 1); isGroup(nodes[next], "["); ) {
    end = next;
    next = nextSignificant(nodes, end + 1);
  }
  return end;
}

function nameChainEnd(nodes: Node[], index: number): number {
  let end = index;
  while (isOp(nodes[end + 1], ".") && isNameWord(nodes[end + 2])) end += 2;
  return end;
}

/** After `f(…)`: IGNORE/RESPECT NULLS, FILTER (…), OVER (…) or OVER name belong to the call. */
function callTailEnd(nodes: Node[], group: number): number {
  let end = group;
  let next = nextSignificant(nodes, end + 1);
  if (isWord(nodes[next], "IGNORE", "RESPECT") && isWord(nodes[nextSignificant(nodes, next + 1)], "NULLS")) {
    end = nextSignificant(nodes, next + 1);
    next = nextSignificant(nodes, end + 1);
  }
  if (isWord(nodes[next], "FILTER")) {
    end = nextSignificant(nodes, next + 1);
    next = nextSignificant(nodes, end + 1);
  }
  if (isWord(nodes[next], "OVER")) end = nextSignificant(nodes, next + 1);
  return end;
}

function primaryStart(nodes: Node[], end: number, operator: string): number {
  let index = end;
  while (isGroup(nodes[index], "[")) index = previousSignificant(nodes, index - 1);
  const node = nodes[index];
  const before = previousSignificant(nodes, index - 1);
  if (isWord(nodes[before], "OVER"))
    return callStart(nodes, previousSignificant(nodes, before - 1), operator);
  if (isGroup(node, "(")) return isNameWord(nodes[before]) ? nameChainStart(nodes, before) : index;
  if (isToken(node) && node.kind === "string" && isWord(nodes[before], "DATE", "TIMESTAMP")) return before;
  if (isNameWord(node)) return nameChainStart(nodes, index);
  if (!endsOperand(nodes, index)) cannotRead(nodes, index, operator);
  return index;
}

/** Back from the end of `f(…) [IGNORE NULLS] [FILTER (…)]` to `f`. */
function callStart(nodes: Node[], end: number, operator: string): number {
  let index = end;
  if (isGroup(nodes[index]) && isWord(nodes[previousSignificant(nodes, index - 1)], "FILTER")) {
    index = previousSignificant(nodes, previousSignificant(nodes, index - 1) - 1);
  }
  if (isWord(nodes[index], "NULLS"))
    index = previousSignificant(nodes, previousSignificant(nodes, index - 1) - 1);
  const name = previousSignificant(nodes, index - 1);
  if (!isGroup(nodes[index], "(") || !isNameWord(nodes[name])) cannotRead(nodes, index, operator);
  return nameChainStart(nodes, name);
}

function nameChainStart(nodes: Node[], index: number): number {
  let start = index;
  while (isOp(nodes[start - 1], ".") && isNameWord(nodes[start - 2])) start -= 2;
  return start;
}
