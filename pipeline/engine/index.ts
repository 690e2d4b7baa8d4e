export { Engine, type QueryOptions, type ResultChunk, type RunOptions } from "./engine";
export { cancelledError, toEngineError } from "./errors";
export { openEngineForLake } from "./lakes";
export { DEFAULT_MEMORY_LIMIT, type EngineOptions } from "./options";
export { RESULTS_SCHEMA } from "./result-store";
export { type SparkSqlTranslation, translateSparkSql } from "./spark-sql";
export { quoteIdentifier, quoteString } from "./sql";
export {
  blankCommentsAndStrings,
  type DialectFinding,
  duckdbOnlyConstructs,
  type TableReferences,
  tableReferences,
} from "./sql-text";
export { toJsonValue } from "./values";
