import type { Node } from "./tree";

/** What DuckDB, an editor and the user may each count as a line break. */
const LINE_BREAK = /\r\n|\r|\n/g;

export function lineBreaks(text: string): string[] {
  return text.match(LINE_BREAK) ?? [];
}

/** The nodes as the user wrote them; a Raw stands for the nodes its rewrite replaced. */
export function sourceText(nodes: Node[]): string {
  return nodes
    .map((node) => {
      if (node.kind === "group") return `${node.open.text}${sourceText(node.body)}${node.close.text}`;
      if (node.kind === "raw") return sourceText(node.source);
      return node.text;
    })
    .join("");
}

/**
 * A rewrite that rebuilds its text (a call's arguments joined again, LATERAL VIEW as a join) may
 * fold line breaks away; the ones it lost follow its text, so every later token stays on the
 * user's line and DuckDB's error positions still point there. One that repeats an operand
 * (`arr[i]` tests i and adds 1 to it, substr's pos is used five times) repeats its line breaks
 * too: it goes on one line and the user's breaks follow it, the same way.
 */
export function keepLineBreaks(source: Node[], text: string): string {
  const written = lineBreaks(sourceText(source));
  const fitted = lineBreaks(text).length > written.length ? onOneLine(text) : text;
  const missing = written.length - lineBreaks(fitted).length;
  return missing > 0 ? `${fitted}${written.slice(-missing).join("")}` : fitted;
}

/** The translation's strings and quoted names, its `--` comments, and its line breaks. */
const STRING_NAME_COMMENT_OR_BREAK = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\r\n]*|\r\n|\r|\n/g;

/**
 * Translated SQL on one line: a line break becomes a space and a `--` comment goes (it would run
 * to the end of the line). Strings stay as they are: they hold no line break (`duckString` writes
 * them as escapes). A quoted name with a line break in it keeps it: DuckDB has no escape there.
 */
export function onOneLine(sql: string): string {
  return sql.replace(STRING_NAME_COMMENT_OR_BREAK, (match) =>
    match.startsWith("'") || match.startsWith('"') ? match : " ",
  );
}
