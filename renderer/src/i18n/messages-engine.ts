/**
 * The engine-facing strings (error details, the engine a cell runs on, dialect checks, lake file
 * removal, malformed CSV rows), merged into the one table in ./messages.ts.
 */
export const engineEn = {
  "error.engineText": "What the engine said",
  "error.at": "Line {line}, column {column}",
  "engine.label": "Runs on {engine}",
  "engine.duckdb": "DuckDB (local)",
  "engine.athena": "Athena (AWS)",
  "engine.sparkSql": "Spark SQL",
  "engine.sparkSql.local": "Spark SQL (on DuckDB locally)",
  "engine.sparkSql.glue": "Spark SQL (AWS Glue)",
  "dialect.title": "Not Athena SQL",
  "lake.removeFile": "Remove {file} from RAW",
  "lake.removeFile.confirmTitle": "Remove a RAW file",
  "lake.removeFile.confirm":
    "Remove {file} from the RAW zone? RAW keeps every file as ingested; remove only a file ingested by mistake. The tables built from it are rebuilt by running their cells again.",
  "lake.removeFile.ok": "Remove the file",
  "lake.removeFile.cancel": "Keep it",
  "lake.removeFile.done": "{file} was removed from RAW.",
  "transform.malformed": "Malformed rows",
  "transform.malformedLine":
    "Input {input}: {rows} rows have a different number of fields than the header ({mode}: {did}). The first is {file}, line {line}.",
  "transform.malformed.kept": "extra fields dropped, missing ones NULL",
  "transform.malformed.skipped": "skipped",
  "transform.malformedHint":
    "A file ingested by mistake can be removed from RAW in the lake browser; the input's mode option (DROPMALFORMED, FAILFAST) decides what Spark does with such rows.",
} as const;

export const enginePtBR: Record<keyof typeof engineEn, string> = {
  "error.engineText": "O que o motor disse",
  "error.at": "Linha {line}, coluna {column}",
  "engine.label": "Executa em {engine}",
  "engine.duckdb": "DuckDB (local)",
  "engine.athena": "Athena (AWS)",
  "engine.sparkSql": "Spark SQL",
  "engine.sparkSql.local": "Spark SQL (no DuckDB, localmente)",
  "engine.sparkSql.glue": "Spark SQL (AWS Glue)",
  "dialect.title": "Não é SQL do Athena",
  "lake.removeFile": "Remover {file} do RAW",
  "lake.removeFile.confirmTitle": "Remover um arquivo do RAW",
  "lake.removeFile.confirm":
    "Remover {file} da zona RAW? O RAW guarda cada arquivo como foi ingerido; remova só um arquivo ingerido por engano. As tabelas feitas a partir dele são refeitas ao executar suas células de novo.",
  "lake.removeFile.ok": "Remover o arquivo",
  "lake.removeFile.cancel": "Manter",
  "lake.removeFile.done": "{file} foi removido do RAW.",
  "transform.malformed": "Linhas malformadas",
  "transform.malformedLine":
    "Entrada {input}: {rows} linhas têm um número de campos diferente do cabeçalho ({mode}: {did}). A primeira está em {file}, linha {line}.",
  "transform.malformed.kept": "campos a mais descartados, os que faltam NULL",
  "transform.malformed.skipped": "ignoradas",
  "transform.malformedHint":
    "Um arquivo ingerido por engano pode ser removido do RAW no navegador do lake; a opção mode da entrada (DROPMALFORMED, FAILFAST) decide o que o Spark faz com essas linhas.",
};
