import type { CatalogTable } from "../../../../pipeline/contract";

export interface SqlSuggestion {
  label: string;
  kind: "database" | "table" | "column" | "keyword";
  insertText: string;
  detail?: string;
}

const KEYWORDS = [
  "SELECT",
  "FROM",
  "WHERE",
  "GROUP BY",
  "ORDER BY",
  "HAVING",
  "LIMIT",
  "JOIN",
  "LEFT JOIN",
  "INNER JOIN",
  "ON",
  "USING",
  "AS",
  "AND",
  "OR",
  "NOT",
  "IN",
  "IS NULL",
  "IS NOT NULL",
  "DISTINCT",
  "COUNT",
  "SUM",
  "AVG",
  "MIN",
  "MAX",
  "CASE",
  "WHEN",
  "THEN",
  "ELSE",
  "END",
  "WITH",
  "UNION ALL",
  "DESC",
  "ASC",
];

const qualified = (t: CatalogTable) => `${t.database}.${t.name}`;

/** Tables named in the SQL (`db.table`): their columns are the ones worth suggesting. */
export function tablesInSql(sql: string, tables: readonly CatalogTable[]): CatalogTable[] {
  const lower = sql.toLowerCase();
  return tables.filter((t) => lower.includes(qualified(t).toLowerCase()));
}

/**
 * Completion candidates at the cursor: after `db.` the tables of that database; otherwise
 * databases, `db.table` names, columns of the tables the query mentions, and keywords.
 */
export function sqlSuggestions(
  textBeforeCursor: string,
  fullText: string,
  tables: readonly CatalogTable[],
): SqlSuggestion[] {
  const dotted = /([A-Za-z_]\w*)\.(\w*)$/.exec(textBeforeCursor);
  if (dotted) {
    const database = (dotted[1] as string).toLowerCase();
    const inDatabase = tables.filter((t) => t.database.toLowerCase() === database);
    if (inDatabase.length > 0) {
      return inDatabase.map((t) => ({
        label: t.name,
        kind: "table",
        insertText: t.name,
        detail: `${t.zone} · ${t.columns.length} columns`,
      }));
    }
  }
  const suggestions: SqlSuggestion[] = [];
  for (const database of new Set(tables.map((t) => t.database))) {
    suggestions.push({ label: database, kind: "database", insertText: database });
  }
  for (const table of tables) {
    suggestions.push({
      label: qualified(table),
      kind: "table",
      insertText: qualified(table),
      detail: table.zone,
    });
  }
  const seen = new Set<string>();
  for (const table of tablesInSql(fullText, tables)) {
    for (const column of table.columns) {
      if (seen.has(column.name)) continue;
      seen.add(column.name);
      suggestions.push({
        label: column.name,
        kind: "column",
        insertText: column.name,
        detail: `${column.type} · ${qualified(table)}`,
      });
    }
  }
  for (const keyword of KEYWORDS) suggestions.push({ label: keyword, kind: "keyword", insertText: keyword });
  return suggestions;
}
