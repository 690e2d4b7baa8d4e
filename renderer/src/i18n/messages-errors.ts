import { fillMessage, type ServiceError } from "../../../pipeline/contract";
import type { Locale } from "./locale";
import { APP_ERRORS_PT_BR } from "./messages-errors-app";
import { AWS_ERRORS_PT_BR } from "./messages-errors-aws";

/**
 * What the pipeline's errors say, in pt-BR, by their stable code. The service sends the English
 * message and hint (what the CLI prints) with the code and, where it has them, params (a file,
 * a line); the UI says the error by code and keeps the English text under Details, since it
 * carries the specifics (an engine's own words, the line of SQL). A code this table does not know,
 * or a template whose params the error did not send, falls back to the English as sent.
 *
 * `hint` absent: the English hint stays (it is the specific one, e.g. the SQL with a caret).
 * A test derives every code the ingest, TMDB, transform, SQL, checks, engine, catalog, lake and
 * course rooms can throw from their source and fails when one has no entry here.
 */
/** The error view's own words, merged into the one table in ./messages.ts. */
export const errorViewEn = {
  "error.original": "As the service wrote it",
} as const;
export const errorViewPtBR: Record<keyof typeof errorViewEn, string> = {
  "error.original": "Como o serviço escreveu (em inglês)",
};

export interface ErrorText {
  message: string;
  hint?: string;
}

export const ERROR_MESSAGES_PT_BR: Record<string, ErrorText> = {
  // The AWS, notebook-file, service, CLI, chart and publish rooms; the entries below win over them.
  ...AWS_ERRORS_PT_BR,
  ...APP_ERRORS_PT_BR,

  CANCELLED: {
    message: "A execução foi cancelada.",
    hint: "Rode de novo quando quiser; nada pela metade ficou gravado.",
  },
  INVALID_ARGUMENT: { message: "Um valor passado ao motor não é válido." },
  INVALID_DATE: {
    message: "A data {date} não é válida.",
    hint: "Escreva a data como AAAA-MM-DD, com zeros à esquerda (2026-01-05).",
  },

  // Ingest: the CSV refusals and the upload.
  CSV_EMPTY: {
    message: "O arquivo {file} está vazio.",
    hint: "Escolha o movies.csv ou o series.csv do desafio.",
  },
  CSV_BINARY: {
    message: "O arquivo {file} não é texto: parece binário (compactado ou de outro formato).",
    hint: "Descompacte o arquivo e envie o CSV original.",
  },
  CSV_WRONG_DELIMITER: {
    message: "O arquivo {file} não usa | como separador.",
    hint: "Os CSVs do desafio são separados por | (pipe). Envie o arquivo original, sem abrir e salvar em uma planilha.",
  },
  CSV_WRONG_HEADER: {
    message: "O cabeçalho de {file} não é o do desafio.",
    hint: "Confira a primeira linha: as colunas devem ser as do movies.csv ou do series.csv, na mesma ordem e grafia.",
  },
  CSV_WRONG_DATASET: {
    message: "{file} não é o conjunto de dados que a célula indica (movies ou series).",
    hint: "Troque o arquivo ou o dataset: da célula para que os dois combinem.",
  },
  INGEST_DUPLICATE_KEY: {
    message: "Dois arquivos da célula iriam para o mesmo caminho na RAW.",
    hint: "Envie cada arquivo uma vez, ou use datas de processamento diferentes.",
  },
  INGEST_FILE_NOT_FOUND: {
    message: "O arquivo indicado na célula de ingestão não existe.",
    hint: "Confira o caminho em file:, relativo à pasta do notebook (por exemplo data/movies.csv).",
  },
  INGEST_FILE_UNREADABLE: {
    message: "O arquivo indicado na célula de ingestão não pode ser lido.",
    hint: "Confira se é um arquivo (não uma pasta) e se você tem permissão de leitura.",
  },
  INGEST_RAW_EXISTS: {
    message: "Já existe outro conteúdo nesse caminho da RAW.",
    hint: "A RAW só recebe acréscimos: use outra data de processamento, ou apague o objeto antigo de propósito.",
  },
  INGEST_SETTINGS_INVALID: {
    message: "As configurações da célula de ingestão não são válidas.",
    hint: "Escreva YAML com file: (ou files:) e, se quiser, dataset: movies | series e date: AAAA-MM-DD.",
  },
  INGEST_SOURCE_CHANGED: {
    message: "O arquivo de origem mudou durante o envio.",
    hint: "Rode a ingestão de novo: o envio recomeça a partir do arquivo atual.",
  },
  INGEST_VERIFY_FAILED: {
    message: "O objeto gravado na RAW não confere com o arquivo de origem.",
    hint: "Rode a ingestão de novo; se repetir, confira o espaço em disco ou a conexão com o bucket.",
  },
  INGEST_WRITE_CONFLICT: {
    message: "Outro processo gravou no mesmo caminho da RAW ao mesmo tempo.",
    hint: "Espere o outro envio terminar e rode a ingestão de novo.",
  },
  S3_ERROR: { message: "O S3 recusou a operação." },
  S3_BUCKET_INVALID: {
    message: "{bucket} não é um nome de bucket válido.",
    hint: "Nomes de bucket têm de 3 a 63 caracteres: minúsculas, números, pontos e hifens.",
  },

  // The lake: keys, folders.
  LAKE_KEY_INVALID: {
    message: "Esse caminho não é uma chave válida do lake.",
    hint: "Use caminhos relativos com / (Raw/Local/CSV/Movies/2026/01/05/movies.csv), sem .., sem barra inicial.",
  },
  LAKE_KEY_CONFLICT: {
    message: "O caminho colide com uma pasta ou arquivo que já existe no lake.",
    hint: "Um nome não pode ser ao mesmo tempo arquivo e pasta: escolha outro caminho.",
  },
  LAKE_NOT_FOUND: {
    message: "O objeto {key} não existe no lake.",
    hint: "Confira o caminho: pastas diferenciam maiúsculas e minúsculas.",
  },
  LAKE_SOURCE_FAILED: { message: "A leitura da origem falhou no meio da gravação; nada foi gravado." },
  LAKE_UNWRITABLE: {
    message: "A pasta do lake não pode ser gravada.",
    hint: "Confira as permissões e o espaço em disco, ou escolha outra pasta com --lake.",
  },

  // The catalog.
  CATALOG_CORRUPT: {
    message: "Uma definição de tabela do catálogo local está corrompida.",
    hint: "Rode de novo a célula que cria a tabela para regravar a definição.",
  },
  CATALOG_INVALID_LOCATION: { message: "O local da tabela não fica dentro do lake." },
  CATALOG_INVALID_NAME: {
    message: "O nome da tabela não é válido.",
    hint: "Use letras minúsculas, números e _ (por exemplo trusted.tmdb_movies).",
  },
  CATALOG_INVALID_TABLE: { message: "A definição da tabela no catálogo não é válida." },
  CATALOG_TABLE_UNREADABLE: {
    message: "Os arquivos de uma tabela do catálogo não podem ser lidos.",
    hint: "Rode de novo a célula que grava a tabela; arquivos movidos ou apagados à mão quebram a tabela.",
  },
  CSV_MALFORMED: {
    message: "Um arquivo CSV do lake não pôde ser lido: uma linha tem campos a mais ou a menos.",
    hint: "Se o arquivo foi ingerido por engano, remova-o do RAW no navegador do lake. Uma transformação lê essas linhas como o Spark, com a opção mode da entrada: PERMISSIVE (padrão: campos a mais descartados, os que faltam NULL), DROPMALFORMED (linhas ignoradas) ou FAILFAST. Ou corrija o arquivo e ingira de novo.",
  },
  TRANSFORM_INPUT_EMPTY: {
    message: "Nenhum arquivo CSV com dados corresponde à entrada {input}.",
    hint: "Confira o caminho da entrada ou rode a célula de ingestão que coloca os arquivos no RAW.",
  },
  TRANSFORM_CSV_MALFORMED: {
    message:
      "Entrada {input}: {place} tem outro número de campos que os {fields} do cabeçalho (mode FAILFAST); {rows#linha|linhas} assim ao todo.",
    hint: "Corrija ou remova o arquivo (um arquivo RAW ingerido por engano pode ser removido no navegador do lake), ou leia a entrada com mode PERMISSIVE ou DROPMALFORMED.",
  },
  SQL_NOT_ATHENA: {
    message: "A célula SQL usa uma construção só do DuckDB, que o Athena (Trino) não lê.",
    hint: "Escreva SQL que os dois motores leem, para a célula rodar igual localmente e na AWS; o marcador no editor mostra onde.",
  },
  SQL_CELL_RESULT_UNREADABLE: {
    message:
      "A célula SQL lê o resultado de outra célula que não é uma única consulta (SELECT ou WITH … SELECT).",
    hint: "Leia uma tabela que a outra célula grava, ou faça dela um único SELECT.",
  },
  CATALOG_TYPE_INVALID: {
    message: "Um tipo de coluna não é um tipo do Glue.",
    hint: "Escreva tipos do Glue (Hive): string, bigint, double, array<…>, struct<nome:tipo,…>, map<…,…>.",
  },
  CATALOG_UNREADABLE: { message: "O catálogo local não pode ser lido." },

  // SQL on DuckDB.
  SQL_PARSE: { message: "Erro de sintaxe no SQL." },
  SQL_CATALOG: { message: "O SQL cita uma tabela ou coluna que não existe." },
  SQL_CONVERSION: {
    message: "Um valor não cabe no seu tipo.",
    hint: "Faça CAST explícito (TRY_CAST devolve NULL em vez de falhar); os CSVs do desafio pedem delim '|' e nullstr '\\N', senão '\\N' é lido como texto.",
  },
  SQL_ERROR: { message: "O SQL falhou." },
  SQL_PATH_REFUSED: {
    message: "O SQL do Lakebook só lê e grava dentro do lake e da pasta data/ do notebook.",
    hint: "Coloque o arquivo na pasta data/ do notebook, ou leia tabelas do lake como banco.tabela (lakebook catalog lista todas).",
  },
  SQL_ENGINE_UNKNOWN: {
    message: "O motor de SQL indicado na célula não existe.",
    hint: "Use engine: duckdb ou engine: athena.",
  },
  OUT_OF_MEMORY: {
    message: "O DuckDB ficou sem memória.",
    hint: "Filtre e agregue antes de selecionar tabelas inteiras: o DuckDB do lake local trabalha dentro do seu memory_limit (2 GB por padrão) e grava o excedente em .lakebook/.",
  },
  RESULT_NOT_FOUND: {
    message: "Esse resultado de consulta não está mais disponível.",
    hint: "Rode a consulta de novo: resultados antigos são liberados.",
  },
  ENGINE_CLOSED: { message: "O motor DuckDB deste lake foi fechado.", hint: "Reabra o notebook ou o lake." },
  RAW_IS_APPEND_ONLY: {
    message: "A RAW só recebe acréscimos: este SQL apagaria ou sobrescreveria dados da RAW.",
    hint: "Grave o resultado na TRUSTED ou na REFINED (CREATE TABLE trusted.… AS SELECT …); a RAW guarda os arquivos de origem como chegaram.",
  },

  // SQL on Athena.
  ATHENA_NEEDS_AWS: {
    message: "Esta célula pede o Athena, que só roda num target aws.",
    hint: "Aponte o notebook para a AWS (target: kind: aws) ou tire engine: athena da célula.",
  },
  ATHENA_ACCESS_DENIED: { message: "A AWS negou o acesso ao Athena (ou ao S3 e ao Glue que ele lê)." },
  ATHENA_BAD_DATA: { message: "O Athena encontrou dados que não batem com o tipo da coluna." },
  ATHENA_CANCELLED: { message: "A consulta do Athena foi cancelada." },
  ATHENA_NO_OUTPUT_LOCATION: {
    message: "O Athena não tem onde gravar os resultados.",
    hint: "Defina athenaOutput: s3://… no target, ou um local de resultados no workgroup.",
  },
  ATHENA_QUERY_FAILED: { message: "A consulta do Athena falhou." },
  ATHENA_SQL_ERROR: { message: "O Athena recusou o SQL." },
  ATHENA_STOP_FAILED: { message: "Não foi possível parar a consulta do Athena." },
  ATHENA_TABLE_NOT_FOUND: {
    message: "O Athena não encontrou a tabela no Glue Data Catalog.",
    hint: "Rode a célula que cria a tabela; no Athena, as tabelas são as do Glue Data Catalog.",
  },
  ATHENA_WORKGROUP: { message: "O workgroup do Athena não existe ou não pode ser usado." },
  ATHENA_CTAS_LOCATION_IN_USE: {
    message: "A pasta onde o CREATE TABLE AS gravaria já tem arquivos.",
    hint: "Apague a tabela antiga (DROP TABLE) ou escolha outro nome.",
  },
  ATHENA_CTAS_LOCATION_ENFORCED: {
    message:
      "O workgroup do Athena impõe o próprio local de resultados, então o CREATE TABLE AS não pode gravar na zona do lake.",
    hint: 'Desligue "Override client-side settings" no workgroup (console do Athena → Workgroups → Edit) ou indique em `workgroup:` do target um workgroup que não imponha o local.',
  },
  ATHENA_CTAS_OUTSIDE_LAKE: { message: "O CREATE TABLE AS gravaria fora do lake." },
  ATHENA_CTAS_PROPERTY: { message: "Uma propriedade do CREATE TABLE AS não é aceita aqui." },

  // Data checks.
  CHECKS_FAILED: { message: "Alguma verificação de dados falhou." },
  CHECKS_ENGINE_UNKNOWN: { message: "O motor indicado na célula de verificação não existe." },
  CHECK_INVALID: { message: "Uma verificação da célula não é válida." },
  CHECK_SETTINGS_INVALID: { message: "As configurações da célula de verificação não são válidas." },

  // Transform.
  SPARK_SQL_UNSUPPORTED: {
    message: "Este trecho não faz parte do subconjunto de Spark SQL que o Lakebook roda localmente.",
  },
  TRANSFORM_SETTINGS_INVALID: {
    message: "O cabeçalho -- da célula de transformação {cell} não é válido.",
    hint: "Confira o YAML nas linhas -- do topo: output:, inputs:, partitionBy:, role:, primaryKey:.",
  },
  TRANSFORM_INPUT_INVALID: { message: "O caminho {path} de uma entrada da transformação não é válido." },
  TRANSFORM_INPUT_MISSING: {
    message: "Célula {cell}: a entrada {input} lê {table}, que não está no catálogo.",
    hint: "Rode antes a célula que grava {table} (para tabelas RAW, a célula de ingestão).",
  },
  TRANSFORM_INPUT_IS_VIEW: {
    message: "Célula {cell}: a entrada {input} lê {table}, uma view do Athena, que o Spark do Glue não lê.",
    hint: "Leia as tabelas que a view usa, ou grave a view como tabela (CREATE TABLE … AS).",
  },
  TRANSFORM_OPTION_INVALID: { message: "Uma opção de leitura da entrada não é válida." },
  TRANSFORM_OPTION_UNKNOWN: { message: "Uma opção de leitura da entrada não é conhecida." },
  TRANSFORM_SCRIPT_AWS_ONLY: {
    message: "A célula {cell} cita um script PySpark próprio, que só roda no AWS Glue.",
    hint: "Aponte o notebook para a AWS, ou escreva a transformação em Spark SQL.",
  },
  TRANSFORM_APPEND_SCHEMA: {
    message:
      "Célula {cell}: as colunas do resultado não batem com as de {table}, à qual ele seria acrescentado.",
  },
  TRANSFORM_PARTITION_MISSING: {
    message: "Célula {cell}: a consulta não tem a coluna {columns} para particionar (partitionBy).",
  },
  GLUE_ROLE_MISSING: {
    message: "A célula {cell} roda no AWS Glue, que precisa de um papel (role) do IAM.",
    hint: "Defina glueRole: no target do notebook (o ARN ou o nome do papel).",
  },
  GLUE_JOB_FAILED: { message: "A execução {run} do job do AWS Glue falhou." },
  GLUE_JOB_ERROR: { message: "O job do AWS Glue terminou com erro." },

  // TMDB.
  TMDB_UNAUTHORIZED: {
    message: "O TMDB recusou a credencial (401).",
    hint: "Confira TMDB_READ_ACCESS_TOKEN (o token de leitura, que começa com eyJ) ou TMDB_API_KEY: copie de novo em TMDB → Settings → API. Sem nenhum, o Lakebook usa a amostra offline.",
  },
  TMDB_SETTINGS_INVALID: {
    message: "As configurações da célula TMDB não são válidas.",
    hint: "Escreva YAML com select: (SQL que devolve os IMDb ids na coluna id) e fields: [...].",
  },
  TMDB_SELECT_INVALID: {
    message: "O select da célula TMDB não devolve uma coluna id de IMDb ids.",
    hint: "Devolva uma linha por título com a coluna id (tt…) e, se quiser, kind ('movie' ou 'tv').",
  },
  TMDB_CHECKPOINT_INVALID: {
    message: "O ponto de retomada da célula TMDB está corrompido.",
    hint: "Reinicie a etapa 2 e rode a célula TMDB de novo.",
  },
  TMDB_FILE_NUMBER_INVALID: { message: "A numeração dos arquivos do TMDB na RAW não é válida." },
  TMDB_LAMBDA_NEEDS_AWS: {
    message: "lambda: roda a célula TMDB como AWS Lambda, o que só existe num target aws.",
    hint: "Aponte o notebook para a AWS, ou tire lambda: para buscar daqui.",
  },
  TMDB_LAMBDA_NEEDS_CREDENTIALS: {
    message: "A função Lambda precisa de uma credencial real do TMDB (a amostra offline não roda na AWS).",
    hint: "Defina TMDB_READ_ACCESS_TOKEN ou TMDB_API_KEY antes de rodar.",
  },
  TMDB_LAMBDA_NEEDS_S3: { message: "A função Lambda grava no S3: o target precisa de um bucket." },
  TMDB_LAMBDA_BUILD_FAILED: { message: "Não foi possível montar o pacote da função Lambda." },
  TMDB_LAMBDA_BUSY: {
    message: "A função Lambda ainda está rodando uma execução anterior.",
    hint: "Espere ela terminar e rode de novo.",
  },
  TMDB_LAMBDA_EVENT_INVALID: { message: "A função Lambda recebeu um pedido inválido." },
  TMDB_LAMBDA_FILE_INVALID: { message: "Um arquivo gravado pela função Lambda não é válido." },
  TMDB_LAMBDA_LOST: { message: "A execução da função Lambda se perdeu (sem notícias dela)." },
  TMDB_LAMBDA_TITLES_MISSING: { message: "A lista de títulos da função Lambda não foi encontrada no S3." },
  TMDB_LAMBDA_UNFINISHED: {
    message: "A função Lambda parou antes de terminar.",
    hint: "Rode a célula de novo: ela retoma de onde parou.",
  },
  TMDB_SECRET_INVALID: { message: "O segredo do TMDB no Secrets Manager não é válido." },

  // Course mode.
  COURSE_RESET_CHANGED: {
    message: "O lake mudou desde que a lista do reinício foi mostrada; nada foi removido.",
    hint: "Abra o reinício de novo para ver a lista atual.",
  },
};

/** The ingest validator's warnings, by code (the line and the English detail stay as sent). */
export const INGEST_WARNINGS_PT_BR: Record<string, string> = {
  BOM: "O arquivo começa com um BOM (marca de ordem de bytes).",
  CRLF: "As linhas terminam em CRLF (Windows).",
  MIXED_LINE_ENDINGS: "O arquivo mistura finais de linha LF e CRLF.",
  NO_FINAL_NEWLINE: "A última linha não termina com quebra de linha.",
  NO_ROWS: "O arquivo só tem o cabeçalho, nenhuma linha de dados.",
  INVALID_UTF8: "Há bytes que não são UTF-8 válido.",
  BLANK_LINE: "Linha em branco.",
  UNTERMINATED_QUOTE: "Aspas abertas que não se fecham.",
  MULTILINE_FIELD: "Um campo entre aspas ocupa mais de uma linha.",
  STRAY_QUOTE: "Aspas soltas no meio de um campo.",
  STRAY_CR: "Um CR solto no meio da linha.",
  TOO_FEW_FIELDS: "A linha tem menos campos que o cabeçalho.",
  TOO_MANY_FIELDS: "A linha tem mais campos que o cabeçalho.",
  NOT_A_NUMBER: "Um valor que deveria ser número não é.",
  EMPTY_FIELD: "Campo vazio (o nulo do desafio é \\N).",
};

const PLACEHOLDER = /\{(\w+)(?:#[^}]*)?\}/g;

/** The error in the UI's language; `translated` says whether the English text needs showing too. */
export function errorText(
  locale: Locale,
  error: Pick<ServiceError, "code" | "message" | "hint" | "params">,
): { message: string; hint: string | undefined; translated: boolean } {
  const english = { message: error.message, hint: error.hint, translated: false };
  if (locale !== "pt-BR") return english;
  const entry = ERROR_MESSAGES_PT_BR[error.code];
  if (!entry) return english;
  const params = error.params ?? {};
  const needs = [...entry.message.matchAll(PLACEHOLDER), ...(entry.hint ?? "").matchAll(PLACEHOLDER)];
  if (needs.some((m) => params[m[1] ?? ""] === undefined)) return english;
  return {
    message: fillMessage(entry.message, params, locale),
    hint: entry.hint === undefined ? error.hint : fillMessage(entry.hint, params, locale),
    translated: true,
  };
}

/** An ingest warning's words in the UI's language, by code; English as sent otherwise. */
export function ingestWarningText(locale: Locale, code: string, message: string): string {
  return locale === "pt-BR" ? (INGEST_WARNINGS_PT_BR[code] ?? message) : message;
}
