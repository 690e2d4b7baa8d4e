import type { Locale } from "../i18n";

/**
 * Course mode's strings, English and Brazilian Portuguese, kept beside the view. Rule titles arrive
 * from the service in English and the pt-BR table gives each rule id its own words; evidence and
 * hints come with a code and params too, said in pt-BR by ./course-rule-messages.ts (the hints by
 * rule id below are the fallback for a code that table does not know).
 */
const en = {
  title: "Course checklist",
  intro: "Every rule of the course's final challenge, checked against your lake and catalog after each run.",
  introAws:
    "Every rule of the course's final challenge, checked against your bucket and the Glue Data Catalog when you press Check now: each check runs Athena queries, and Athena bills every query for at least 10 MB scanned.",
  afterRuns: "Check after every run",
  checkNow: "Check now",
  checking: "Checking…",
  summary: "{passed} of {total} rules pass",
  notChecked: "Not checked yet.",
  failedToCheck: "The check could not run: {message}",
  evidence: "Evidence",
  fix: "How to fix",
  goToCell: "Go to cell {id}",
  pass: "Pass",
  fail: "Fail",
  everywhere: "Everywhere",
  reset: "Reset stage {stage}…",
  resetTitle: "Reset stage {stage}: this removes",
  resetNothing: "Stage {stage} keeps nothing that a reset would remove.",
  resetKept: "Kept: {what}",
  resetConfirm: "Remove these",
  resetCancel: "Cancel",
  resetDone: "Removed {objects} objects and {tables} tables.",
  resetTable: "table {name} ({location})",
  resetObjects: "{count} objects under {prefix} ({bytes})",
  "stage.1": "Stage 1 — the CSVs to RAW",
  "stage.2": "Stage 2 — TMDB to RAW JSON",
  "stage.3": "Stage 3 — TRUSTED and REFINED",
  "stage.4": "Stage 4 — the dashboard",
  "intro.1":
    "Uploads movies.csv and series.csv whole and unmodified to Raw/Local/CSV/<Movies|Series>/YYYY/MM/DD/. On AWS this is Amazon S3 (and the Glue Data Catalog for raw.*). By hand you would write a boto3 script: build the zero-padded date path, upload_file with multipart, then check the object.",
  "intro.2":
    "Looks the horror and mystery titles up on TMDB by IMDb id and writes JSON files of at most 100 records to Raw/TMDB/JSON/YYYY/MM/DD/. On AWS this is an AWS Lambda function writing to S3. By hand: a Python loop over /find/{imdb_id} with rate limiting, retries and batching into files.",
  "intro.3":
    "Spark SQL turns RAW into typed TRUSTED Parquet (TMDB partitioned by dt) and then into a REFINED star schema registered in the catalog. On AWS these are AWS Glue jobs (G.1X × 2) and the Glue Data Catalog, queried with Athena. By hand: a PySpark script per table, its job settings and the crawler or table definitions.",
  "intro.4":
    "Charts over the REFINED model, laid out as a dashboard. On AWS this is Amazon QuickSight reading REFINED through Athena. By hand: a QuickSight data source, datasets and an analysis built in the console, chart by chart.",
} as const;

export type CourseMessageKey = keyof typeof en;

const ptBR: Record<CourseMessageKey, string> = {
  title: "Checklist do curso",
  intro: "Cada regra do desafio final do curso, verificada no seu lake e no catálogo após cada execução.",
  introAws:
    "Cada regra do desafio final do curso, verificada no seu bucket e no Glue Data Catalog quando você clica em Verificar agora: cada verificação roda consultas no Athena, e o Athena cobra cada consulta por pelo menos 10 MB lidos.",
  afterRuns: "Verificar após cada execução",
  checkNow: "Verificar agora",
  checking: "Verificando…",
  summary: "{passed} de {total} regras passam",
  notChecked: "Ainda não verificado.",
  failedToCheck: "A verificação não pôde rodar: {message}",
  evidence: "Evidência",
  fix: "Como corrigir",
  goToCell: "Ir para a célula {id}",
  pass: "Passa",
  fail: "Falha",
  everywhere: "Em todo o projeto",
  reset: "Reiniciar a etapa {stage}…",
  resetTitle: "Reiniciar a etapa {stage}: isto remove",
  resetNothing: "A etapa {stage} não guarda nada que um reinício removeria.",
  resetKept: "Mantido: {what}",
  resetConfirm: "Remover estes",
  resetCancel: "Cancelar",
  resetDone: "{objects} objetos e {tables} tabelas removidos.",
  resetTable: "tabela {name} ({location})",
  resetObjects: "{count} objetos em {prefix} ({bytes})",
  "stage.1": "Etapa 1 — os CSVs para a RAW",
  "stage.2": "Etapa 2 — TMDB para JSON na RAW",
  "stage.3": "Etapa 3 — TRUSTED e REFINED",
  "stage.4": "Etapa 4 — o dashboard",
  "intro.1":
    "Envia movies.csv e series.csv inteiros e sem alteração para Raw/Local/CSV/<Movies|Series>/AAAA/MM/DD/. Na AWS, isto é o Amazon S3 (e o Glue Data Catalog para raw.*). À mão você escreveria um script boto3: montar o caminho com a data com zeros à esquerda, upload_file em partes e conferir o objeto.",
  "intro.2":
    "Busca os títulos de terror e mistério no TMDB pelo IMDb id e grava arquivos JSON de no máximo 100 registros em Raw/TMDB/JSON/AAAA/MM/DD/. Na AWS, isto é uma função AWS Lambda gravando no S3. À mão: um laço em Python sobre /find/{imdb_id} com limite de taxa, novas tentativas e divisão em arquivos.",
  "intro.3":
    "Spark SQL transforma a RAW em Parquet tipado na TRUSTED (TMDB particionado por dt) e depois num modelo estrela na REFINED registrado no catálogo. Na AWS, são jobs do AWS Glue (G.1X × 2) e o Glue Data Catalog, consultados pelo Athena. À mão: um script PySpark por tabela, as configurações do job e o crawler ou as definições de tabela.",
  "intro.4":
    "Gráficos sobre o modelo REFINED, montados como um dashboard. Na AWS, isto é o Amazon QuickSight lendo a REFINED pelo Athena. À mão: fonte de dados, conjuntos de dados e uma análise criados no console do QuickSight, gráfico por gráfico.",
};

/** The rules' own words in pt-BR, by rule id; English comes from the service. */
const rulesPtBR: Record<string, { title: string; hint: string }> = {
  "project.no-credentials": {
    title: "Nenhuma credencial na pasta do projeto, no notebook ou no lake",
    hint: "Remova a credencial do arquivo e revogue-a: o que foi commitado ou enviado deve ser tratado como vazado. Guarde credenciais em variáveis de ambiente, num perfil AWS (profile: no target) ou no chaveiro do sistema.",
  },
  "raw.paths": {
    title: "Todo objeto da RAW segue Raw/Local/CSV/<Movies|Series>/AAAA/MM/DD/ ou Raw/TMDB/JSON/AAAA/MM/DD/",
    hint: "Chaves do S3 diferenciam maiúsculas e as pastas de data têm zeros à esquerda (2026/01/05, não 2026/1/5): mova o objeto para o caminho indicado, ou apague-o e rode a célula de ingestão de novo.",
  },
  "raw.movies.path": {
    title: "movies.csv está na RAW em Raw/Local/CSV/Movies/AAAA/MM/DD/movies.csv",
    hint: "Envie movies.csv inteiro pela célula de ingestão: ela monta o caminho com a data de processamento com zeros e as pastas com a grafia exata do desafio.",
  },
  "raw.movies.identical": {
    title: "movies.csv na RAW é idêntico, byte a byte, ao arquivo do notebook",
    hint: "Envie o CSV inteiro e sem alteração (sem recodificar, sem mudar cabeçalho ou separador, sem filtrar) e rode a ingestão de novo.",
  },
  "raw.series.path": {
    title: "series.csv está na RAW em Raw/Local/CSV/Series/AAAA/MM/DD/series.csv",
    hint: "Envie series.csv inteiro pela célula de ingestão: ela monta o caminho com a data com zeros e a grafia exata do desafio.",
  },
  "raw.series.identical": {
    title: "series.csv na RAW é idêntico, byte a byte, ao arquivo do notebook",
    hint: "Envie o CSV inteiro e sem alteração e rode a ingestão de novo.",
  },
  "tmdb.path": {
    title: "Os arquivos do TMDB estão em Raw/TMDB/JSON/AAAA/MM/DD/<arquivo>.json",
    hint: "Grave os arquivos do TMDB em Raw/TMDB/JSON/<AAAA>/<MM>/<DD>/<nome>.json com a data de coleta com zeros; a célula TMDB faz isso.",
  },
  "tmdb.limits": {
    title: "Cada arquivo do TMDB tem no máximo 100 registros e menos de 10 MB",
    hint: "Divida os registros em arquivos de no máximo 100 (e menos de 10 MB), numerados tmdb-movies-0001.json, -0002.json, …",
  },
  "tmdb.one-structure": {
    title: "Cada arquivo do TMDB é uma única estrutura JSON (uma lista de registros)",
    hint: "Faça um único json.dump(registros, f) por arquivo: dois dumps (ou um objeto por linha) põem duas estruturas no mesmo arquivo.",
  },
  "tmdb.imdb-id": {
    title: "Todo registro do TMDB traz o imdb_id (tt…) do título, a chave que o liga aos CSVs",
    hint: "Busque pelo IMDb id (/find/{imdb_id}?external_source=imdb_id) e guarde o id em cada registro: juntar CSV e TMDB pelo título falha com refilmagens, traduções e pontuação.",
  },
  "tmdb.selected": {
    title: "Os títulos enriquecidos são os que a célula TMDB selecionou",
    hint: "Enriqueça exatamente os títulos que o select da célula devolve; registros de outros títulos vêm de uma execução antiga ou de uma busca por título. Reinicie a etapa 2 e rode a célula TMDB de novo.",
  },
  "trusted.parquet": {
    title: "A TRUSTED é Parquet, os CSVs em Trusted/Local/Parquet/ e o TMDB em Trusted/TMDB/Parquet/",
    hint: "Grave a TRUSTED em Parquet, uma tabela por origem; junte CSV e TMDB apenas na REFINED.",
  },
  "trusted.tmdb-dt": {
    title: "Os dados do TMDB na TRUSTED são particionados pela data de coleta (dt=AAAA-MM-DD)",
    hint: "Particione as tabelas do TMDB pela data de coleta, tirada das pastas AAAA/MM/DD da RAW (partitionBy('dt')).",
  },
  "trusted.numbers-typed": {
    title: "Nenhuma coluna numérica ficou como texto",
    hint: "O Spark lê toda coluna do CSV como texto (sem inferSchema): faça CAST de cada coluna numérica na transformação.",
  },
  "trusted.null-marker": {
    title: "\\N é lido como NULL, nunca mantido como texto",
    hint: "Os CSVs escrevem NULL como \\N literal: leia com nullValue='\\N' ou use nullif(coluna, '\\N') antes do CAST.",
  },
  "trusted.budget-unknown": {
    title: "Orçamento ou receita 0 do TMDB é lido como desconhecido (NULL), não como valor",
    hint: "O TMDB informa orçamento desconhecido como 0: use CAST(nullif(budget, 0) AS BIGINT).",
  },
  "refined.model": {
    title: "A REFINED é um modelo dimensional: pelo menos um fato e duas dimensões",
    hint: "Modele a REFINED como estrela: uma tabela fato (uma linha por título) e dimensões, cada célula declarando -- role:.",
  },
  "refined.keys-declared": {
    title:
      "Cada tabela da REFINED traz no catálogo seu papel, chave primária e (fatos, pontes) chaves estrangeiras",
    hint: "Declare-os no cabeçalho da célula (-- role:, -- primaryKey:, -- foreignKeys:).",
  },
  "refined.primary-keys": {
    title: "Toda chave primária da REFINED é única e nunca NULL",
    hint: "Chave duplicada costuma ser um título repetido por artista ou por gênero: use SELECT DISTINCT (ou GROUP BY a chave) antes de gravar.",
  },
  "refined.foreign-keys": {
    title: "Nenhuma chave estrangeira órfã",
    hint: "Construa a dimensão com os mesmos títulos do fato e junte pelo imdb_id, nunca pelo título; rode a dimensão antes do fato.",
  },
  "refined.per-title": {
    title:
      "As medidas não são infladas pela linha por artista: totais pelo modelo = totais por título distinto",
    hint: "Os CSVs têm uma linha por artista: pegue DISTINCT imdb_id com nota e votos antes de juntar ou somar.",
  },
  "refined.genre-fan-out": {
    title: "As medidas não são infladas pelos vários gêneros: os pesos da ponte somam 1 por título",
    hint: "Dê à ponte de gêneros um peso (1.0 / count(*) OVER (PARTITION BY title_key)) e some medida × peso, ou conte títulos distintos.",
  },
  "dashboard.chart-types": {
    title: "O dashboard usa pelo menos três tipos de gráfico",
    hint: "Use pelo menos três tipos de gráfico (barras, mapa de calor, linha ou área, dispersão, KPI).",
  },
  "dashboard.refined-only": {
    title: "Todo gráfico do dashboard lê apenas tabelas da REFINED",
    hint: "Os conjuntos de dados do QuickSight vêm só da REFINED: aponte o SQL do gráfico para refined.*.",
  },
  "dashboard.answers-question": {
    title:
      "Os gráficos respondem à pergunta: cada um mostra uma medida e ao menos um a divide por (sub)gênero",
    hint: "Mostre uma medida de público (nota, votos, popularidade, receita) por subgênero, vinda da dimensão de subgêneros.",
  },
};

export function courseText(
  locale: Locale,
  key: CourseMessageKey,
  params?: Record<string, string | number>,
): string {
  const text = locale === "pt-BR" ? ptBR[key] : en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** A rule's title and hint in the UI's language: pt-BR by id, English as the service wrote it. */
export function ruleText(locale: Locale, rule: { id: string; title: string; hint?: string | undefined }) {
  const translated = locale === "pt-BR" ? rulesPtBR[rule.id] : undefined;
  return { title: translated?.title ?? rule.title, hint: translated?.hint ?? rule.hint };
}

export const RULES_WITH_PT_BR = Object.keys(rulesPtBR);
