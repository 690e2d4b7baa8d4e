import { LakebookError } from "../../contract";
import type { Cell } from "../../document";
import { blankCommentsAndStrings } from "../../engine";

/**
 * A SQL cell reads an earlier SQL cell's result as `cell_<id>` (`SELECT * FROM cell_top_subgenres`).
 * The earlier cell's query goes in front as a CTE of that name, so the same text runs on DuckDB and
 * on Athena and always reads the earlier cell as it is written now; stale tracking knows the link
 * because every SQL cell writes `cell_<id>` (`dependencies` in index.ts).
 */
export const CELL_PREFIX = "cell_";

export function cellResultName(cellId: string): string {
  return `${CELL_PREFIX}${cellId}`;
}

/** `cell_<id>` names in the text, of SQL cells above this one. */
export function referencedCells(sql: string, cell: Cell, cells: readonly Cell[]): Cell[] {
  const text = blankCommentsAndStrings(sql);
  const above = cells.slice(
    0,
    Math.max(
      0,
      cells.findIndex((other) => other.id === cell.id),
    ),
  );
  return above.filter(
    (other) => other.kind === "sql" && new RegExp(`\\b${cellResultName(other.id)}\\b`, "i").test(text),
  );
}

/** The cell's SQL with each referenced cell's query in front as `cell_<id> AS (…)`. */
export function withCellResults(sql: string, cell: Cell, cells: readonly Cell[]): string {
  const referenced = referencedCells(sql, cell, cells);
  if (referenced.length === 0) return sql;
  const ctes = referenced.map((other) => {
    const body = other.source.trim().replace(/;\s*$/, "");
    if (
      /;/.test(blankCommentsAndStrings(body)) ||
      !/^\s*(with|select)\b/i.test(blankCommentsAndStrings(body))
    ) {
      throw new LakebookError(
        "SQL_CELL_RESULT_UNREADABLE",
        `SQL cell "${cell.id}" reads ${cellResultName(other.id)}, but cell "${other.id}" is not one query (SELECT or WITH … SELECT).`,
        { hint: `Read a table it writes instead, or make ${other.id} a single SELECT.` },
      );
    }
    return `${cellResultName(other.id)} AS (\n${body}\n)`;
  });
  const own = sql.trim().replace(/;\s*$/, "");
  const withMatch = /^(\s*(?:--[^\n]*\n\s*)*)with\s/i.exec(own);
  if (withMatch) return `${withMatch[1]}WITH ${ctes.join(",\n")},\n${own.slice(withMatch[0].length)}`;
  return `WITH ${ctes.join(",\n")}\n${own}`;
}
