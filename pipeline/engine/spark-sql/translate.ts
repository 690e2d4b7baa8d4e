import { createTranslator } from "./emit";
import { oneQuery } from "./statement";
import { tokenize } from "./tokens";
import { buildTree } from "./tree";

export interface SparkSqlTranslation {
  /** The same query in DuckDB SQL, line breaks kept so positions in errors still match the cell. */
  sql: string;
  /** Rewrites worth knowing about: dropped hints and partitioning clauses, approximate aggregates. */
  notes: string[];
}

/**
 * Spark SQL (what AWS Glue runs) → DuckDB SQL with the same result, for the documented subset
 * (README.md here). Anything outside it throws SPARK_SQL_UNSUPPORTED naming the construct, its
 * line and column, and a way around it — before any data moves.
 */
export function translateSparkSql(sql: string): SparkSqlTranslation {
  const query = oneQuery(buildTree(tokenize(sql)));
  const translator = createTranslator();
  const translated = translator.emit(query);
  return { sql: translated, notes: translator.notes };
}
