import { unsupported } from "./errors";
import type { Token } from "./tokens";
import type { Node } from "./tree";

/** What every rewrite gets: a way to translate a span and a place to leave notes. */
export interface Translator {
  notes: string[];
  emit(nodes: Node[]): string;
}

/**
 * One function call as written: `name(args) [IGNORE NULLS] [FILTER (WHERE …)] [OVER …]`.
 * A rewrite that honours IGNORE NULLS clears `ignoreNulls`; one that folds FILTER or OVER into
 * its own text clears those; what is left is appended by `finish`.
 */
export interface Call {
  name: Token;
  args: Node[][];
  distinct: boolean;
  ignoreNulls: boolean;
  /** The translated condition inside FILTER (WHERE …), without the keywords. */
  filter: string | undefined;
  /** The translated window, e.g. ` OVER (PARTITION BY g ORDER BY y NULLS FIRST)`. */
  over: string | undefined;
  t: Translator;
}

export type FunctionRewrite = (call: Call) => string;

export function arg(call: Call, index: number): string {
  return call.t.emit(call.args[index] ?? []);
}

export function allArgs(call: Call): string[] {
  return call.args.map((nodes) => call.t.emit(nodes));
}

export function displayName(call: Call): string {
  return `${call.name.text.toLowerCase()}()`;
}

/** Rejects a call whose argument count the subset does not cover. */
export function expectArgs(call: Call, min: number, max: number, hint?: string): void {
  const count = call.args.length;
  if (count >= min && count <= max) return;
  throw unsupported(
    `${displayName(call)} with ${count} argument${count === 1 ? "" : "s"}`,
    call.name,
    hint ??
      `The subset covers ${displayName(call)} with ${min === max ? min : `${min} to ${max}`} arguments.`,
  );
}

/** Appends what the rewrite left of FILTER and OVER. */
export function finish(call: Call, text: string): string {
  const filter = call.filter === undefined ? "" : ` FILTER (WHERE ${call.filter})`;
  call.filter = undefined;
  const over = call.over ?? "";
  call.over = undefined;
  return `${text}${filter}${over}`;
}

/** `duckName(args)` with DISTINCT, FILTER and OVER kept: for functions that mean the same in both. */
export function sameCall(duckName: string): FunctionRewrite {
  return (call) =>
    finish(call, `${duckName}(${call.distinct ? "DISTINCT " : ""}${allArgs(call).join(", ")})`);
}
