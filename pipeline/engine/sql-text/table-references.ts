/**
 * Which tables a SQL text reads and writes, for stale tracking and the dependency view.
 * A light scan, not a parser: comments and string literals are blanked first, CTE names are not
 * tables, and only qualified or plain identifiers after FROM/JOIN (reads) and after
 * CREATE … TABLE/VIEW, INSERT INTO, and COPY … FROM (writes) count. Table functions such as
 * `read_csv(...)` and `range(...)` are not tables.
 */
export interface TableReferences {
  reads: string[];
  writes: string[];
}

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
const NAME = String.raw`(${IDENT}(?:\s*\.\s*${IDENT}){0,2})`;

export function tableReferences(sql: string): TableReferences {
  const text = blankCommentsAndStrings(sql);
  const ctePattern = String.raw`(?:\bWITH(?:\s+RECURSIVE)?|,)\s*(${IDENT})\s+AS\s*(?:(?:NOT\s+)?MATERIALIZED\s*)?\(`;
  const ctes = new Set(matchAll(text, new RegExp(ctePattern, "gi")).map(normalise));
  const writes = new Set<string>();
  for (const pattern of [
    String.raw`\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?${NAME}`,
    String.raw`\bINSERT\s+(?:OR\s+\w+\s+)?INTO\s+${NAME}`,
    String.raw`\bCOPY\s+${NAME}\s+FROM\b`,
  ]) {
    for (const name of matchAll(text, new RegExp(pattern, "gi"))) writes.add(normalise(name));
  }
  const reads = new Set<string>();
  for (const match of text.matchAll(new RegExp(String.raw`\b(?:FROM|JOIN)\s+${NAME}(\s*\()?`, "gi"))) {
    const name = match[1];
    if (!name || match[2]) continue; // followed by "(": a table function
    const table = normalise(name);
    if (!ctes.has(table) && !writes.has(table)) reads.add(table);
  }
  return { reads: [...reads].sort(), writes: [...writes].sort() };
}

function matchAll(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => m[1] ?? "").filter(Boolean);
}

function normalise(name: string): string {
  return name
    .split(".")
    .map((part) =>
      part
        .trim()
        .replace(/^"(.*)"$/s, "$1")
        .replace(/""/g, '"'),
    )
    .join(".")
    .toLowerCase();
}

/** Keeps offsets but removes what could look like SQL: comments and quoted strings. */
export function blankCommentsAndStrings(sql: string): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'/g, (m) => " ".repeat(m.length));
}
