import { fallbackLines, queryLines } from "./emit-query";
import type { Scope } from "./emit-select";
import { NoDataFrameForm } from "./query-shape";
import { readQuery } from "./read-query";

/**
 * A transform cell's Spark SQL as PySpark DataFrame code ending in `result = …`. `inputs` maps each
 * view the script has already read to its variable; `variableFor` names the CTEs' variables.
 */
export function dataframeLines(sql: string, inputs: Scope, variableFor: (name: string) => string): string[] {
  try {
    return queryLines(readQuery(sql), inputs, variableFor);
  } catch (error) {
    if (!(error instanceof NoDataFrameForm)) throw error;
    return fallbackLines(sql, error.construct);
  }
}
