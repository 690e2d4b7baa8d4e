import { LakebookError } from "../../contract";
import { attr } from "../../document";
import type { Stage } from "../stage";
import { tableReferences } from "./table-references";

/** A SQL cell on the embedded engine. Athena (`engine=athena`) arrives with the AWS target. */
export const sqlStage: Stage = {
  run: async (cell, context) => {
    const engine = attr(cell, "engine") ?? (context.target.kind === "aws" ? "athena" : "local");
    if (engine !== "local") {
      throw new LakebookError(
        "NOT_IMPLEMENTED",
        `SQL cells cannot run on ${engine} in this version of Lakebook.`,
        {
          hint: 'Set engine=local on the cell ("```sql {#id engine=local}") to run it on the local lake.',
        },
      );
    }
    if (!cell.source.trim()) return { summary: "Empty SQL cell" };
    const result = await context.engine.query(cell.source, { signal: context.signal });
    const columns = result.columns.length;
    return {
      summary: `${result.rowCount.toLocaleString("en-US")} rows × ${columns} columns`,
      output: { type: "table", result },
    };
  },
  dependencies: (cell) => tableReferences(cell.source),
};
