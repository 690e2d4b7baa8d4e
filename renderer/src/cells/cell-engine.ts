import { attr, type Cell } from "../../../pipeline/document/model";
import type { MessageKey } from "../i18n";

/**
 * Which engine runs a cell's SQL, as the service decides it (stages/sql: the cell's `engine=`, else
 * the target): SQL and check cells run on DuckDB locally and on Athena on AWS; transform cells are
 * Spark SQL (translated to DuckDB locally, run by AWS Glue on AWS). Other kinds say nothing.
 */
export function cellEngine(cell: Cell, targetKind: "local" | "aws"): MessageKey | undefined {
  switch (cell.kind) {
    case "sql":
    case "check": {
      const engine = attr(cell, "engine") ?? (targetKind === "aws" ? "athena" : "local");
      return engine === "athena" ? "engine.athena" : "engine.duckdb";
    }
    case "transform":
      return targetKind === "aws" ? "engine.sparkSql.glue" : "engine.sparkSql.local";
    default:
      return undefined;
  }
}
