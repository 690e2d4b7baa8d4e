import { fillMessage, type Message } from "../../../pipeline/contract";
import type { Locale } from "../i18n";

/**
 * What the course rules say (evidence and hints), in pt-BR, by the code the service sends beside
 * its English text (pipeline/course/messages.ts holds the English; a test keeps both tables' codes
 * the same). The variable parts — paths, tables, counts — come as params and are filled in here,
 * numbers in the UI language's format. `{n#palavra|palavras}` is a count.
 */
export const COURSE_MESSAGES_PT_BR: Record<string, string> = {
  more: "… e mais {n}",
  "no-engine": "Não há motor de consulta para este target: o conteúdo das tabelas não foi lido.",
  "readable.hint":
    "Rode de novo as células que gravaram estas tabelas; uma tabela cujos arquivos foram movidos ou apagados à mão não pode ser lida.",

  "raw.paths.empty": "Raw/ não tem nenhum objeto.",
  "raw.paths.hint.empty": "Rode as células de ingestão.",
  "raw.paths.ok": "{n#objeto|objetos} em Raw/, todos no lugar certo.",
  "raw.paths.hint":
    "Chaves do S3 diferenciam maiúsculas de minúsculas e as pastas de data têm zeros à esquerda (2026/01/05, não 2026/1/5): " +
    "mova o objeto para o caminho que a mensagem indica, ou apague-o e rode a célula de ingestão de novo, que monta o caminho sozinha.",
  "raw.object": "{key} ({bytes} bytes)",
  "raw.lookalike": "{key}: {problem}",
  "raw.lookalike.name": "{key}: outro nome de arquivo",
  "raw.missing": "Nenhum objeto em Raw/ é {file}.",
  "raw.path.hint":
    "Envie {file} inteiro pela célula de ingestão: ela grava Raw/Local/CSV/{folder}/<AAAA>/<MM>/<DD>/{file} " +
    "com a data de processamento com zeros à esquerda e as pastas com a grafia exata do desafio.",
  "raw.identical.hint":
    "Envie o CSV inteiro e sem alteração (sem recodificar, sem mudar cabeçalho ou separador, sem filtrar): " +
    "a célula de ingestão envia os bytes como estão. Rode-a de novo depois de substituir o objeto na RAW.",
  "raw.identical.no-cell": "Nenhuma célula de ingestão indica um arquivo de {dataset}.",
  "raw.identical.no-object": "Nada a comparar: não há objeto de {dataset} na RAW.",
  "raw.identical.unreadable": "Nada a comparar: {file} não pode ser lido.",
  "raw.file": "{file}: {bytes} bytes",
  "raw.file.hash": "{file}: {bytes} bytes, SHA-256 {sha256}",

  "tmdb.path.empty": "Raw/TMDB/ não tem nenhum objeto.",
  "tmdb.path.hint.empty": "Rode a célula TMDB.",
  "tmdb.path.ok": "{n#arquivo|arquivos} em Raw/TMDB/JSON/, todos com data.",
  "tmdb.path.hint":
    "Grave os arquivos do TMDB em Raw/TMDB/JSON/<AAAA>/<MM>/<DD>/<nome>.json com a data de coleta com zeros à esquerda; " +
    "a célula TMDB já faz isso.",
  "tmdb.file.oversize": "{key}: {records#registro|registros}, {bytes} bytes",
  "tmdb.limits.ok": "{files#arquivo|arquivos}; o maior tem {largest#registro|registros}.",
  "tmdb.limits.hint":
    "Divida os registros em arquivos de no máximo 100 (e menos de 10 MB): um lote de requisições por arquivo, numerados " +
    "tmdb-movies-0001.json, -0002.json, …",
  "tmdb.one-structure.ok":
    "{n#arquivo|arquivos}, cada um um único objeto JSON numa linha com seus registros.",
  "tmdb.one-structure.hint":
    'Grave um único json.dumps({"kind": "movies", "records": registros}) e uma quebra de linha por arquivo, sem indentar: ' +
    "um segundo dump no mesmo arquivo são duas estruturas, e os SerDes JSON do Athena leem um objeto por linha, " +
    "então nem uma lista no topo nem um objeto indentado podem ser consultados como raw.tmdb.",
  "tmdb.imdb-id.ok": "{n#registro|registros}, cada um com imdb_id.",
  "tmdb.imdb-id.hint":
    "Busque os títulos pelo IMDb id (/find/{imdb_id}?external_source=imdb_id) e guarde o id em cada registro: " +
    "juntar CSV e TMDB pelo título falha com refilmagens, traduções e pontuação; resultados do discover não trazem imdb_id.",
  "tmdb.selected.no-cell": "O notebook não tem célula TMDB.",
  "tmdb.selected.hint.add-cell": "Adicione uma célula TMDB.",
  "tmdb.selected.no-engine": "Não há motor de consulta para este target: a seleção não pôde ser refeita.",
  "tmdb.selected.failed": "A seleção falhou: {error}",
  "tmdb.selected.by-cell": "Seleção: o select da célula TMDB",
  "tmdb.selected.by-default":
    "Seleção: o select padrão da etapa TMDB (a célula não tem select:), que escolhe os títulos de Horror e Mystery de raw.movies e raw.series",
  "tmdb.selected.no-default":
    "A célula TMDB não tem select:, e a seleção padrão da etapa TMDB não é conhecida aqui: não há com que comparar os títulos enriquecidos.",
  "tmdb.selected.hint.add-select":
    "Escreva a seleção na célula TMDB como select: (SQL que devolve os IMDb ids numa coluna id, por exemplo " +
    "SELECT DISTINCT id, 'movie' AS kind FROM raw.movies WHERE …), para que os títulos enriquecidos possam ser conferidos com ela.",
  "tmdb.selected.counts":
    "{selected#título selecionado|títulos selecionados}, {enriched#título enriquecido|títulos enriquecidos}, {strangers} fora da seleção",
  "tmdb.selected.stranger": "fora da seleção: {id}",
  "tmdb.selected.hint":
    "Enriqueça exatamente os títulos que o select da célula devolve (IMDb ids de raw.movies / raw.series): registros de outros " +
    "títulos vêm de uma execução antiga, de outra consulta ou de uma busca por título. Reinicie a etapa 2 e rode a célula TMDB de novo.",

  "trusted.not-parquet": "{table} é {format}, não parquet",
  "trusted.mixed": "{table} mistura os CSVs e o TMDB ({inputs})",
  "trusted.misplaced": "{table} está em {location}, esperado {expected}",
  "trusted.no-files": "{location} não tem arquivos",
  "trusted.not-parquet-file": "{key} não é um arquivo Parquet",
  "trusted.no-csv-table": "nenhuma tabela da TRUSTED é feita de raw.movies / raw.series",
  "trusted.no-tmdb-table": "nenhuma tabela da TRUSTED é feita do JSON do TMDB na RAW",
  "trusted.parquet.ok": "{table}: {location} ({n#arquivo Parquet|arquivos Parquet})",
  "trusted.parquet.hint":
    "Grave a TRUSTED com df.write.parquet(...) (a saída de uma célula de transformação), uma tabela por origem: os CSVs " +
    "em Trusted/Local/Parquet/<tabela>/ e o TMDB em Trusted/TMDB/Parquet/<tabela>/; junte-os só na REFINED.",
  "trusted.no-dt": "{table} não tem a coluna de partição dt",
  "trusted.undated": "{key} não está dentro de uma pasta dt=AAAA-MM-DD/",
  "trusted.dt.ok": "{table}: dt = {dates}",
  "trusted.tmdb-dt.hint":
    "Particione as tabelas do TMDB pela data em que os dados foram coletados: tire-a das pastas AAAA/MM/DD da RAW " +
    "(dateColumn: dt numa entrada da transformação) e grave com partitionBy('dt') (partitionBy: [dt] na célula).",
  "trusted.number-as-text": "{table}.{column} é {type}, mas todos os {n#valor|valores} são números",
  "trusted.null-text": "{table}.{column}: {n#linha tem|linhas têm} o texto \\N",
  "trusted.zero-money": "{table}.{column}: {n#linha igual|linhas iguais} a 0",
  "trusted.scanned": "{n#tabela TRUSTED/REFINED lida|tabelas TRUSTED/REFINED lidas}: {tables}",
  "trusted.numbers-typed.hint":
    "O Spark lê toda coluna do CSV como texto (sem inferSchema): faça CAST de cada coluna numérica na transformação " +
    "(CAST(anoLancamento AS INT), CAST(notaMedia AS DOUBLE), CAST(numeroVotos AS BIGINT), …).",
  "trusted.null-marker.hint":
    "Os CSVs escrevem NULL como o texto \\N: leia-os com nullValue='\\N' (as tabelas raw do catálogo fazem isso), ou " +
    "transforme em NULL com nullif(coluna, '\\N') antes do CAST.",
  "trusted.budget-unknown.hint":
    "O TMDB informa orçamento ou receita desconhecidos como 0: escreva CAST(nullif(budget, 0) AS BIGINT) para que médias e " +
    "somas não sejam puxadas para baixo por títulos cujo orçamento ninguém sabe.",

  "refined.facts": "fatos: {tables}",
  "refined.facts.none": "fatos: nenhum",
  "refined.dimensions": "dimensões: {tables}",
  "refined.dimensions.none": "dimensões: nenhuma",
  "refined.bridges": "pontes: {tables}",
  "refined.bridges.none": "pontes: nenhuma",
  "refined.no-role": "{table} não tem papel (role)",
  "refined.model.hint":
    "Modele a REFINED como estrela: uma tabela fato com as medidas (uma linha por título) e tabelas de dimensão (título, data, " +
    "subgênero, pessoa), cada célula de transformação declarando -- role: fact | dimension | bridge.",
  "refined.undeclared": "{table}: sem {missing}",
  "refined.declared": "{table}: {role}, chave ({key})",
  "refined.declared.fk": "{table}: {role}, chave ({key}), {fks#chave estrangeira|chaves estrangeiras}",
  "refined.keys-declared.hint":
    "Declare-os no cabeçalho da célula de transformação (-- role:, -- primaryKey: [...], -- foreignKeys: [...]) para que " +
    "o catálogo (e o Glue) registre como o modelo se liga.",
  "refined.key-counts":
    "{table} ({key}): {rows#linha|linhas}, {dupes#chave duplicada|chaves duplicadas}, {nulls#chave NULL|chaves NULL}",
  "refined.primary-keys.hint":
    "Uma chave duplicada costuma ser um título repetido por artista ou por gênero: faça SELECT DISTINCT das colunas do " +
    "título (ou GROUP BY a chave) antes de gravar a tabela, e deixe pessoas e gêneros em tabelas ponte.",
  "refined.parent-missing": "{link}: {parent} não está no catálogo",
  "refined.orphans": "{link}: {n#linha órfã|linhas órfãs}",
  "refined.no-foreign-keys": "Nenhuma chave estrangeira foi declarada.",
  "refined.foreign-keys.hint":
    "Uma chave órfã quer dizer que a dimensão foi construída com menos títulos que o fato (outro filtro, ou junção pelo " +
    "título em vez do imdb_id): construa a dimensão com os mesmos títulos, junte pelo imdb_id e rode a dimensão antes do fato.",
  "refined.fact-rows": "{table}: {rows#linha|linhas} para {titles#título distinto|títulos distintos} ({key})",
  "refined.measure-totals": "{measure}: {through} pelo fato, {distinct} pelos títulos distintos",
  "refined.multiplied":
    "{fact}.{measure} = {source}.{column} × linhas por título em {n#título|títulos} de {multi} com vários artistas",
  "refined.no-fact": "Nenhuma tabela fato.",
  "refined.per-title.hint":
    "Os CSVs têm uma linha por artista creditado, então um título se repete: pegue DISTINCT imdb_id com a nota e os votos " +
    "antes de juntar ou agregar (SUM sobre as linhas brutas multiplica os votos pelo tamanho do elenco).",
  "refined.no-weight":
    "{bridge} não tem coluna de peso: uma medida somada através dela conta o título uma vez por gênero",
  "refined.no-weight-no-key":
    "{bridge} não tem coluna de peso nem chave para o título: uma medida somada através dela conta o título uma vez por gênero",
  "refined.weights": "{bridge}: {weight} soma 1 para {ok#título|títulos}, não para {off}",
  "refined.bridge-totals": "{measure}: {through} através de {bridge}, {titles} pelos seus títulos distintos",
  "refined.no-genre-bridge": "Nenhuma ponte para uma dimensão de gênero: nada se multiplica.",
  "refined.genre-fan-out.hint":
    "Um título tem vários gêneros: juntar o fato a uma ponte de gêneros repete as medidas uma vez por gênero. Dê à ponte " +
    "um peso (1.0 / count(*) OVER (PARTITION BY title_key)) e some medida × peso, ou conte títulos distintos.",

  "dashboard.types.cells": "{n#gráfico|gráficos} nas células de gráfico (o export HTML): {types}",
  "dashboard.types.cells.none":
    "{n#gráfico|gráficos} nas células de gráfico (o export HTML): nenhum tipo de gráfico",
  "dashboard.types.published": "{n#gráfico|gráficos} entre os charts da célula de publicação {cell}: {types}",
  "dashboard.types.published.none":
    "{n#gráfico|gráficos} entre os charts da célula de publicação {cell}: nenhum tipo de gráfico",
  "dashboard.chart-types.hint":
    "Use pelo menos três tipos de gráfico (por exemplo barras, mapa de calor, linha ou área, dispersão, KPI): adicione células de gráfico com marcas diferentes.",
  "dashboard.chart-types.hint.published":
    "Use pelo menos três tipos de gráfico (por exemplo barras, mapa de calor, linha ou área, dispersão, KPI): adicione células de " +
    "gráfico com marcas diferentes e liste-as em charts na célula de publicação.",
  "dashboard.reads-nothing": "{cell} não lê nenhuma tabela do catálogo",
  "dashboard.reads-other": "{cell} lê {tables}",
  "dashboard.reads": "{cell}: {tables}",
  "dashboard.refined-only.hint":
    "Os conjuntos de dados do QuickSight vêm só de tabelas da REFINED: aponte a célula SQL do gráfico (source=) para tabelas " +
    "refined.*, não raw.* nem trusted.*, e construa no modelo o que ela precisa.",
  "dashboard.no-measure": "{cell} não mostra nenhuma medida (nenhum campo quantitativo ou agregação)",
  "dashboard.by-genre": "por (sub)gênero: {cells}",
  "dashboard.no-genre": "nenhum gráfico mostra um campo de gênero ou subgênero ao lado de uma medida",
  "dashboard.answers-question.hint":
    "O notebook pergunta quais subgêneros de terror o público prefere: mostre uma medida de público (nota, votos, " +
    "popularidade, receita) por subgênero, vinda da dimensão de subgêneros do modelo, e dê a cada gráfico um campo quantitativo.",

  "credentials.clean":
    "{files#arquivo do projeto lido|arquivos do projeto lidos} e {objects#objeto do lake|objetos do lake}: nenhuma chave AWS, token do TMDB ou chave privada.",
  "credentials.hint":
    "Remova a credencial do arquivo e revogue-a (AWS IAM → Security credentials; TMDB → Settings → API), pois o que foi " +
    "commitado ou enviado deve ser tratado como vazado. Guarde credenciais em variáveis de ambiente, num perfil AWS " +
    "(indicado com profile: no target) ou no chaveiro do sistema.",

  "cost.athena":
    "Esta verificação rodou {n#consulta no Athena|consultas no Athena}. O Athena cobra cada consulta por pelo menos 10 MB lidos, " +
    "então uma verificação custa pelo menos {n} × 10 MB de leitura; num target aws, a bancada só verifica quando você clica em Verificar agora.",
  "cost.duckdb": "Esta verificação rodou {n#consulta|consultas} no DuckDB local, sem custo.",
};

/**
 * A course message in the UI's language: pt-BR from its code and params, English as the service
 * wrote it (also the fallback for a code this table does not know, or a line sent without one).
 */
export function courseMessage(locale: Locale, english: string, message: Message | null | undefined): string {
  if (locale !== "pt-BR" || !message) return english;
  const template = COURSE_MESSAGES_PT_BR[message.code];
  return template === undefined ? english : fillMessage(template, message.params, locale);
}
