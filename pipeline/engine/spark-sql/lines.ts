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
 * user's line and DuckDB's error positions still point there.
 */
export function keepLineBreaks(source: Node[], text: string): string {
  const written = lineBreaks(sourceText(source));
  const missing = written.length - lineBreaks(text).length;
  return missing > 0 ? `${text}${written.slice(-missing).join("")}` : text;
}
