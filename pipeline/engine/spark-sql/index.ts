export { coveredFunctions } from "./functions/registry";
export { STRUCTURE_WORDS, VALUE_WORDS } from "./keywords";
export { tokenize } from "./tokens";
export { type SparkSqlTranslation, translateSparkSql } from "./translate";
export * from "./tree";
