/**
 * Puts the input CTEs in front of the cell's query. A query that already starts with WITH gets
 * them prepended to its own list (`WITH inputs…, its CTEs… SELECT`), so its CTEs can read them.
 * CTEs instead of views: nothing is left behind in the engine, and two runs cannot collide.
 */
export function withInputs(ctes: string[], sql: string): string {
  const body = stripTrailingSemicolon(sql);
  if (ctes.length === 0) return body;
  const start = leadingNoiseLength(body);
  const rest = body.slice(start);
  const withMatch = /^with(\s+recursive)?\s/i.exec(rest);
  if (!withMatch) return `WITH ${ctes.join(",\n")}\n${body}`;
  return `${body.slice(0, start)}${withMatch[0]}${ctes.join(",\n")},\n${rest.slice(withMatch[0].length)}`;
}

/** Whitespace and comments before the first keyword. */
function leadingNoiseLength(sql: string): number {
  let index = 0;
  for (;;) {
    const rest = sql.slice(index);
    const space = /^\s+/.exec(rest);
    if (space) {
      index += space[0].length;
      continue;
    }
    if (rest.startsWith("--")) {
      const end = rest.indexOf("\n");
      index += end === -1 ? rest.length : end + 1;
      continue;
    }
    if (rest.startsWith("/*")) {
      const end = rest.indexOf("*/");
      index += end === -1 ? rest.length : end + 2;
      continue;
    }
    return index;
  }
}

function stripTrailingSemicolon(sql: string): string {
  return sql.replace(/;\s*$/, "");
}
