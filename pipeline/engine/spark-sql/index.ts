export { coveredFunctions } from "./functions/registry";
export { type SparkSqlTranslation, translateSparkSql } from "./translate";
