/**
 * The info string of a cell fence: `kind {#id key=value key="quoted \"value\"" flag}`.
 * Attributes keep their order and unknown ones are kept, so a newer Lakebook's settings survive.
 */
import type { CellAttribute } from "./model";

export interface ParsedInfo {
  kind: string;
  id: string;
  /** 0-based offset of `#` in the info string. */
  idOffset: number;
  attrs: CellAttribute[];
  /** 0-based offset of each attribute's key, parallel to `attrs`. */
  attrOffsets: number[];
}

/** A syntax error at `offset` in the info string; the reader adds file, line and column. */
export class InfoSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
    readonly expected: string,
  ) {
    super(`${problem}; expected ${expected}`);
  }
}

const KIND = /[A-Za-z][\w-]*/y;
const ID = /[A-Za-z][\w-]*/y;
const KEY = /[A-Za-z_][\w.:-]*/y;
/** Reader side: anything up to whitespace, quote, brace, backslash or backtick. */
const UNQUOTED = /[^ \t"'{}\\`]+/y;
/** Writer side: a conservative subset, so a written value never needs the reader's full rules. */
const SAFE_UNQUOTED = /^[A-Za-z0-9_.:/@+,-]+$/;
const ID_HINT = "an id like {#my_cell} (a letter, then letters, digits, _ or -)";

export function parseInfoString(info: string): ParsedInfo {
  let i = 0;
  const fail = (problem: string, expected: string, at = i): never => {
    throw new InfoSyntaxError(at, problem, expected);
  };
  const match = (re: RegExp): string | undefined => {
    re.lastIndex = i;
    const m = re.exec(info);
    if (!m) return undefined;
    i += m[0].length;
    return m[0];
  };
  const skipSpace = () => {
    while (info[i] === " " || info[i] === "\t") i++;
  };
  const describe = (at: number) =>
    at >= info.length ? "end of line" : `"${String.fromCodePoint(info.codePointAt(at) ?? 0)}"`;

  const kind = match(KIND) ?? fail(`unexpected ${describe(i)}`, "a cell kind like sql");
  skipSpace();
  if (info[i] !== "{") fail(`unexpected ${describe(i)}`, '"{"');
  i++;
  skipSpace();
  const idOffset = i;
  if (info[i] !== "#") fail(`unexpected ${describe(i)}`, ID_HINT);
  i++;
  const id = match(ID) ?? fail(`bad cell id at ${describe(i)}`, ID_HINT);
  if (i < info.length && !/[ \t}]/.test(info[i] ?? "")) fail(`bad cell id at ${describe(i)}`, ID_HINT);

  const attrs: CellAttribute[] = [];
  const attrOffsets: number[] = [];
  for (;;) {
    skipSpace();
    if (i >= info.length) fail("unterminated attributes", '"}"');
    if (info[i] === "}") break;
    const keyOffset = i;
    const key = match(KEY) ?? fail(`unexpected ${describe(i)}`, 'an attribute like key=value, or "}"');
    if (info[i] === "=") {
      i++;
      attrs.push({ key, value: readValue() });
    } else {
      attrs.push({ key });
    }
    attrOffsets.push(keyOffset);
    if (i < info.length && !/[ \t}]/.test(info[i] ?? "")) {
      fail(`unexpected ${describe(i)} after attribute "${key}"`, 'a space, or "}"');
    }
  }
  i++; // the closing "}"
  skipSpace();
  if (i < info.length) fail(`unexpected ${describe(i)} after "}"`, "the end of the line");
  return { kind, id, idOffset, attrs, attrOffsets };

  function readValue(): string {
    if (info[i] !== '"') {
      return match(UNQUOTED) ?? fail(`missing value at ${describe(i)}`, 'key=value or key="quoted value"');
    }
    const open = i++;
    let value = "";
    while (i < info.length && info[i] !== '"') {
      if (info[i] === "\\") {
        const next = info[i + 1];
        if (next === undefined) break; // a trailing backslash: report the unterminated quote instead
        if (next !== '"' && next !== "\\")
          fail(`unknown escape "\\${next ?? ""}"`, '\\" or \\\\ inside quotes');
        value += next;
        i += 2;
      } else {
        value += info[i];
        i++;
      }
    }
    if (info[i] !== '"') fail("unterminated quoted value", 'a closing "', open);
    i++;
    return value;
  }
}

export function formatInfoString(kind: string, id: string, attrs: readonly CellAttribute[]): string {
  const parts = attrs.map(({ key, value }) => {
    if (value === undefined) return key;
    if (SAFE_UNQUOTED.test(value)) return `${key}=${value}`;
    return `${key}="${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  });
  return `${kind} {#${[id, ...parts].join(" ")}}`;
}

export function isValidAttributeKey(key: string): boolean {
  return /^[A-Za-z_][\w.:-]*$/.test(key);
}
