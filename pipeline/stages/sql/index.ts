import { LakebookError } from "../../contract";
import { attr } from "../../document";
import { quoteIdentifier, tableReferences } from "../../engine";
import type { Stage } from "../stage";
import { assertAthenaDialect } from "./athena-dialect-check";
import { runSqlOnAthena } from "./athena-run";
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
      return runSqlOnAthena(cell.source, context, context.target, cell.id);
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
    const result = await context.engine.query(cell.source, { signal: context.signal });
    const columns = result.columns.length;
    return {
      summary: `${result.rowCount.toLocaleString("en-US")} rows × ${columns} columns`,
      output: { type: "table", result },
    };
  },
  dependencies: (cell) => tableReferences(cell.source),
};
