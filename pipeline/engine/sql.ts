/** Quoting for the few statements Lakebook writes itself; user SQL is never assembled from parts. */

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** DuckDB string literals are standard SQL: only `'` needs escaping, a backslash is just a backslash. */
export function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
