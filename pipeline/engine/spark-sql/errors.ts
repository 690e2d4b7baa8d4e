import { LakebookError } from "../../contract/errors";

/** Where a construct starts in the cell, 1-based, as the user sees it in the editor. */
export interface Place {
  line: number;
  col: number;
}

export const GLUE_HINT = "or run this cell on AWS Glue, where Spark runs it as written";

/**
 * The one error of the translator: the construct is named, its place given, and the hint says
 * how to write it inside the subset. Raised before any data moves, so nothing half-runs.
 */
export function unsupported(construct: string, at: Place, hint: string): LakebookError {
  return new LakebookError(
    "SPARK_SQL_UNSUPPORTED",
    `Line ${at.line}, col ${at.col}: ${construct} is not in Lakebook's local Spark SQL subset`,
    { hint, at: { line: at.line, column: at.col } },
  );
}

/** A note about a rewrite that is exact but worth knowing (a dropped hint, an approximate aggregate). */
export function note(at: Place, text: string): string {
  return `Line ${at.line}, col ${at.col}: ${text}`;
}
