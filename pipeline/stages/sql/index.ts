import { LakebookError, placedAt } from "../../contract";
import { attr, type Cell } from "../../document";
import { quoteIdentifier, tableReferences } from "../../engine";
import type { Stage } from "../stage";
import { assertAthenaDialect } from "./athena-dialect-check";
import { runSqlOnAthena } from "./athena-run";
import { cellResultName, referencedCells, withCellResults } from "./cell-results";
import { localCtas, runLocalCtas } from "./local-ctas";
import { assertRawAppendOnly } from "./raw-guard";

/**
 * A SQL cell: on the embedded engine for a local target, on Athena for an aws target (or as the
 * cell's `engine=local|athena` says). Either way RAW is append-only: a statement that would drop or
 * overwrite it is refused before anything runs.
 */
export const sqlStage: Stage = {
  run: async (cell, context) => {
    const engine = attr(cell, "engine") ?? (context.target.kind === "aws" ? "athena" : "local");
    if (!cell.source.trim()) return { summary: "Empty SQL cell" };
    assertRawAppendOnly(cell.source, engine === "athena" ? { database: "refined" } : {});
    if (engine === "athena") {
      if (context.target.kind !== "aws") {
        throw new LakebookError(
          "ATHENA_NEEDS_AWS",
          "This SQL cell asks for Athena, but the notebook's target is the local lake.",
          {
            hint: "Point the target at AWS (target: kind: aws, bucket, region, workgroup), or set engine=local on the cell.",
          },
        );
      }
      assertAthenaDialect(cell.source, cell.id);
      return runSqlOnAthena(
        withCellResults(cell.source, cell, context.notebook.cells),
        context,
        context.target,
        cell.id,
      );
    }
    if (engine !== "local") {
      throw new LakebookError(
        "SQL_ENGINE_UNKNOWN",
        `SQL cells run on "local" or "athena", not "${engine}".`,
        {
          hint: 'Write engine=local or engine=athena in the cell\'s info string ("```sql {#id engine=athena}").',
        },
      );
    }
    const ctas = localCtas(cell.source);
    if (ctas) {
      const table = await runLocalCtas(cell.id, ctas, context);
      const preview = await context.engine.query(
        `SELECT * FROM ${quoteIdentifier(table.database)}.${quoteIdentifier(table.name)} LIMIT 100`,
        { signal: context.signal },
      );
      return {
        summary: `${table.database}.${table.name}: ${(table.rows ?? 0).toLocaleString("en-US")} rows × ${table.columns.length} columns, written to ${table.location} and registered in the catalog`,
        output: { type: "table", result: preview },
      };
    }
    const sql = withCellResults(cell.source, cell, context.notebook.cells);
    const result = await context.engine.query(sql, { signal: context.signal }).catch((error: unknown) => {
      // With earlier cells in front, DuckDB's place is not the cell's: no editor marker then.
      throw error instanceof LakebookError && sql !== cell.source ? placedAt(error, undefined) : error;
    });
    const columns = result.columns.length;
    return {
      summary: `${result.rowCount.toLocaleString("en-US")} rows × ${columns} columns`,
      output: { type: "table", result },
    };
  },
  dependencies: (cell, cells = []) => {
    const references = tableReferences(cell.source);
    const earlier = referencedCells(cell.source, cell, cells).map((other) => cellResultName(other.id));
    return {
      reads: [
        ...new Set([
          ...references.reads.filter((name) => !name.toLowerCase().startsWith("cell_")),
          ...earlier,
        ]),
      ],
      // Only a cell another cell reads as cell_<id> writes that name: the dependency view stays tables.
      writes: readByLaterCell(cell, cells)
        ? [...references.writes, cellResultName(cell.id)]
        : references.writes,
    };
  },
};

function readByLaterCell(cell: Cell, cells: readonly Cell[]): boolean {
  return cells.some(
    (other) => other.kind === "sql" && referencedCells(other.source, other, cells).includes(cell),
  );
}
