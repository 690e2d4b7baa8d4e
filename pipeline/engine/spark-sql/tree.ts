import { unsupported } from "./errors";
import type { Token } from "./tokens";

export type { Token };
/** Narrowed types for the guards below: a failed isWord check must not rule out every token. */
export type WordToken = Token & { kind: "word" };
export type OpToken = Token & { kind: "op" | "punct" };

/**
 * Tokens nested by their brackets: `( … )`, `[ … ]` and `CASE … END`. Rewrites then work on one
 * level at a time, and a function's arguments are simply the group's body split at commas.
 * `Raw` is translated text that replaces a span (an infix rewrite) and acts as one operand.
 */
export interface Group {
  kind: "group";
  bracket: "(" | "[" | "CASE";
  open: Token;
  close: Token;
  body: Node[];
}

export interface Raw {
  kind: "raw";
  text: string;
  at: Token;
  /** The nodes it replaced, so their line breaks can be kept. */
  source: Node[];
}

export type Node = Token | Group | Raw;

const CLOSERS: Record<string, string> = { "(": ")", "[": "]", CASE: "END" };

export function buildTree(tokens: Token[]): Node[] {
  let index = 0;
  const level = (closer: string | undefined, open: Token | undefined): Node[] => {
    const nodes: Node[] = [];
    while (index < tokens.length) {
      const token = tokens[index] as Token;
      index += 1;
      const opener = groupOpener(token);
      if (opener) {
        const body = level(CLOSERS[opener], token);
        nodes.push({ kind: "group", bracket: opener, open: token, close: tokens[index - 1] as Token, body });
      } else if (closer !== undefined && closes(token, closer)) return nodes;
      else if (closes(token, ")") || closes(token, "]")) {
        throw unsupported(`An unmatched ${token.text}`, token, "Check the brackets of this cell.");
      } else nodes.push(token);
    }
    if (open) throw unsupported(`An unclosed ${open.text}`, open, `Close it with ${closer}.`);
    return nodes;
  };
  return level(undefined, undefined);
}

function groupOpener(token: Token): Group["bracket"] | undefined {
  if (token.kind === "punct" && (token.text === "(" || token.text === "[")) return token.text;
  if (token.kind === "word" && token.value === "CASE") return "CASE";
  return undefined;
}

function closes(token: Token, closer: string): boolean {
  return token.kind === "word" ? token.value === closer : token.kind === "punct" && token.text === closer;
}

export function isToken(node: Node | undefined): node is Token {
  return node !== undefined && node.kind !== "group" && node.kind !== "raw";
}

export function isGroup<B extends Group["bracket"]>(
  node: Node | undefined,
  bracket?: B,
): node is Group & { bracket: B } {
  return node?.kind === "group" && (bracket === undefined || node.bracket === bracket);
}

export function isWord(node: Node | undefined, ...values: string[]): node is WordToken {
  return isToken(node) && node.kind === "word" && (values.length === 0 || values.includes(node.value));
}

export function isOp(node: Node | undefined, ...ops: string[]): node is OpToken {
  return isToken(node) && (node.kind === "op" || node.kind === "punct") && ops.includes(node.text);
}

export function isBlank(node: Node | undefined): boolean {
  return isToken(node) && (node.kind === "space" || node.kind === "comment" || node.kind === "hint");
}

/** The index of the next node that is not whitespace or a comment, or nodes.length. */
export function nextSignificant(nodes: Node[], from: number): number {
  let index = from;
  while (index < nodes.length && isBlank(nodes[index])) index += 1;
  return index;
}

export function previousSignificant(nodes: Node[], from: number): number {
  let index = from;
  while (index >= 0 && isBlank(nodes[index])) index -= 1;
  return index;
}

/** The nodes without leading and trailing whitespace/comments. */
export function trimmed(nodes: Node[]): Node[] {
  const start = nextSignificant(nodes, 0);
  const end = previousSignificant(nodes, nodes.length - 1);
  return nodes.slice(start, end + 1);
}

/** A group's body split at its top-level commas (nested groups are single nodes already). */
export function splitAtCommas(nodes: Node[]): Node[][] {
  if (trimmed(nodes).length === 0) return [];
  const parts: Node[][] = [[]];
  for (const node of nodes) {
    if (isOp(node, ",")) parts.push([]);
    else parts[parts.length - 1]?.push(node);
  }
  return parts.map(trimmed);
}

/** The first token of a node, for error places. */
export function placeOf(node: Node): Token {
  if (node.kind === "group") return node.open;
  if (node.kind === "raw") return node.at;
  return node;
}

/** An integer literal such as 2 or -1 (no suffix but L), else undefined. */
export function integerLiteral(nodes: Node[]): number | undefined {
  const significant = nodes.filter((node) => !isBlank(node));
  const [first, second] = significant;
  const negative = isOp(first, "-");
  const number = negative ? second : first;
  if (significant.length !== (negative ? 2 : 1) || !isToken(number) || number.kind !== "number")
    return undefined;
  if (!/^\d+$/.test(number.value) || !["", "L"].includes(number.suffix)) return undefined;
  return (negative ? -1 : 1) * Number(number.value);
}

/** A string literal's value, else undefined. */
export function stringLiteral(nodes: Node[]): string | undefined {
  const significant = nodes.filter((node) => !isBlank(node));
  const only = significant[0];
  return significant.length === 1 && isToken(only) && only.kind === "string" ? only.value : undefined;
}

/** true/false literal, else undefined. */
export function booleanLiteral(nodes: Node[]): boolean | undefined {
  const significant = nodes.filter((node) => !isBlank(node));
  const only = significant[0];
  if (significant.length !== 1 || !isWord(only, "TRUE", "FALSE")) return undefined;
  return only.value === "TRUE";
}
