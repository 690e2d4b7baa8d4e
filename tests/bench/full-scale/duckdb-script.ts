// The demo notebook's work written by hand as one DuckDB script in one process: the floor Lakebook
// is measured against. No validation, no catalog, no staging: copy the CSVs into RAW, then every
// TRUSTED and REFINED table as an in-memory table written out as Parquet, then the SQL cells.
// Usage: node --import tsx duckdb-script.ts <data dir> <raw TMDB folder> <work dir>; prints JSON.
import { copyFile, cp, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { DuckDBInstance } from "@duckdb/node-api";

const [dataDir = "", tmdbDir = "", workDir = ""] = process.argv.slice(2);
const lake = path.join(workDir, "lake");
await rm(lake, { recursive: true, force: true });
const slash = (p: string) => p.split(path.sep).join("/");
const stages: Record<string, number> = {};
const timed = async (stage: string, work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  stages[stage] = Math.round(performance.now() - started);
};

const raw = path.join(lake, "Raw/Local/CSV");
await timed("raw", async () => {
  await mkdir(path.join(raw, "Movies/2026/11/25"), { recursive: true });
  await mkdir(path.join(raw, "Series/2026/11/25"), { recursive: true });
  await copyFile(path.join(dataDir, "movies.csv"), path.join(raw, "Movies/2026/11/25/movies.csv"));
  await copyFile(path.join(dataDir, "series.csv"), path.join(raw, "Series/2026/11/25/series.csv"));
  await cp(tmdbDir, path.join(lake, "Raw/TMDB"), { recursive: true });
});

const db = await DuckDBInstance.create(":memory:");
const sql = await db.connect();
const out = (name: string) => slash(path.join(lake, `${name}.parquet`));
const table = async (name: string, select: string) => {
  await sql.run(`CREATE TABLE ${name} AS ${select}`);
  await sql.run(`COPY ${name} TO '${out(name)}' (FORMAT parquet)`);
};
const csv = (file: string) =>
  `read_csv('${slash(file)}', delim = '|', header = true, nullstr = '\\N', quote = '"', escape = '"', all_varchar = true)`;
const trustedCsv = (
  file: string,
  series: boolean,
) => `SELECT id AS imdb_id, tituloPincipal AS titulo_principal,
  tituloOriginal AS titulo_original, CAST(anoLancamento AS INT) AS ano_lancamento,
  ${series ? "CAST(anoTermino AS INT) AS ano_termino," : ""} CAST(tempoMinutos AS INT) AS tempo_minutos,
  string_split(genero, ',') AS generos, CAST(notaMedia AS DOUBLE) AS nota_media,
  CAST(numeroVotos AS BIGINT) AS numero_votos, generoArtista AS genero_artista, personagem,
  nomeArtista AS nome_artista, CAST(anoNascimento AS INT) AS ano_nascimento,
  CAST(anoFalecimento AS INT) AS ano_falecimento, string_split(profissao, ',') AS profissoes,
  string_split(titulosMaisConhecidos, ',') AS titulos_mais_conhecidos,
  list_contains(string_split(genero, ','), 'Horror') AS is_horror,
  list_contains(string_split(genero, ','), 'Mystery') AS is_mystery
  FROM ${csv(file)}`;
// Each RAW TMDB file is one {"kind", "records"} object: its records become the rows.
const tmdb = (kind: string) =>
  `(SELECT unnest(records, max_depth := 2), filename FROM read_json('${slash(path.join(lake, "Raw/TMDB/JSON"))}/*/*/*/tmdb-${kind}-*.json', filename = true))`;
const dt = "strptime(regexp_extract(filename, '(\\d{4}/\\d{2}/\\d{2})/[^/]*$', 1), '%Y/%m/%d')::DATE AS dt";

await timed("trusted", async () => {
  await table("trusted_movies", trustedCsv(path.join(raw, "Movies/2026/11/25/movies.csv"), false));
  await table("trusted_series", trustedCsv(path.join(raw, "Series/2026/11/25/series.csv"), true));
  await table(
    "trusted_tmdb_movies",
    `SELECT imdb_id, id AS tmdb_id, title, TRY_CAST(release_date AS DATE) AS release_date,
      CAST(nullif(budget, 0) AS BIGINT) AS budget, CAST(nullif(revenue, 0) AS BIGINT) AS revenue,
      popularity, vote_average, CAST(vote_count AS BIGINT) AS vote_count, keywords,
      credits."cast" AS cast_members, credits.crew AS crew_members, ${dt} FROM ${tmdb("movies")}`,
  );
  await table(
    "trusted_tmdb_series",
    `SELECT imdb_id, id AS tmdb_id, name, TRY_CAST(first_air_date AS DATE) AS first_air_date, popularity,
      vote_average, CAST(vote_count AS BIGINT) AS vote_count, keywords, credits."cast" AS cast_members,
      ${dt} FROM ${tmdb("series")}`,
  );
});

const keywordsOf = (t: string) => `SELECT imdb_id, lower(unnest(keywords).name) AS subgenre FROM ${t}`;
const castOf = (t: string) =>
  `SELECT imdb_id, c.id AS person_key, c.name, c.gender, c."order" AS cast_order
   FROM (SELECT imdb_id, unnest(cast_members) AS c FROM ${t}) WHERE c."order" < 5`;
const directorsOf = `SELECT imdb_id, d.id AS person_key, d.name FROM
   (SELECT imdb_id, unnest(crew_members) AS d FROM trusted_tmdb_movies) WHERE d.job = 'Director'`;

await timed("refined", async () => {
  await table(
    "dim_title",
    `WITH csv_titles AS (
      SELECT DISTINCT imdb_id, titulo_principal AS title, titulo_original AS original_title, 'movie' AS kind,
        ano_lancamento AS release_year, tempo_minutos AS runtime_minutes, is_horror, is_mystery
      FROM trusted_movies WHERE is_horror OR is_mystery
      UNION ALL
      SELECT DISTINCT imdb_id, titulo_principal, titulo_original, 'series', ano_lancamento, tempo_minutos,
        is_horror, is_mystery FROM trusted_series WHERE is_horror OR is_mystery),
    tmdb_dates AS (
      SELECT imdb_id, tmdb_id, release_date, row_number() OVER (PARTITION BY imdb_id ORDER BY dt DESC) AS newest
      FROM trusted_tmdb_movies
      UNION ALL
      SELECT imdb_id, tmdb_id, first_air_date, row_number() OVER (PARTITION BY imdb_id ORDER BY dt DESC)
      FROM trusted_tmdb_series)
    SELECT CAST(substr(c.imdb_id, 3) AS BIGINT) AS title_key, c.imdb_id, t.tmdb_id, c.title, c.original_title,
      c.kind, c.release_year, t.release_date, c.runtime_minutes, c.is_horror, c.is_mystery,
      CASE WHEN t.release_date IS NOT NULL
        THEN year(t.release_date) * 10000 + month(t.release_date) * 100 + day(t.release_date)
        ELSE c.release_year * 10000 END AS release_date_key
    FROM csv_titles c LEFT JOIN tmdb_dates t ON t.imdb_id = c.imdb_id AND t.newest = 1`,
  );
  await table(
    "dim_date",
    `SELECT DISTINCT release_date_key AS date_key, release_date AS date, release_date_key // 10000 AS year,
      (release_date_key // 100000) * 10 AS decade, nullif((release_date_key // 100) % 100, 0) AS month
    FROM dim_title WHERE release_date_key IS NOT NULL`,
  );
  await table(
    "dim_subgenre",
    `WITH keywords AS (SELECT DISTINCT subgenre FROM (${keywordsOf("trusted_tmdb_movies")} UNION ${keywordsOf("trusted_tmdb_series")}))
    SELECT CAST(dense_rank() OVER (ORDER BY subgenre) AS INT) AS subgenre_key, subgenre FROM keywords
    WHERE subgenre IN ('body horror', 'demon', 'folk horror', 'found footage', 'ghost', 'haunted house',
      'possession', 'psychopath', 'serial killer', 'slasher', 'supernatural', 'vampire', 'werewolf', 'whodunit', 'zombie')`,
  );
  await table(
    "bridge_title_subgenre",
    `WITH title_keywords AS (SELECT DISTINCT imdb_id, subgenre FROM (${keywordsOf("trusted_tmdb_movies")} UNION ${keywordsOf("trusted_tmdb_series")}))
    SELECT t.title_key, s.subgenre_key, CAST(1 AS DOUBLE) / count(*) OVER (PARTITION BY t.title_key) AS weight
    FROM title_keywords tk JOIN dim_title t ON t.imdb_id = tk.imdb_id JOIN dim_subgenre s ON s.subgenre = tk.subgenre`,
  );
  await table(
    "dim_person",
    `WITH people AS (
      SELECT person_key, name, gender FROM (${castOf("trusted_tmdb_movies")})
      UNION SELECT person_key, name, gender FROM (${castOf("trusted_tmdb_series")})
      UNION SELECT person_key, name, NULL FROM (${directorsOf}))
    SELECT person_key, max(name) AS name,
      CASE max(gender) WHEN 1 THEN 'female' WHEN 2 THEN 'male' WHEN 3 THEN 'non-binary' ELSE 'unknown' END AS gender
    FROM people GROUP BY person_key`,
  );
  await table(
    "bridge_title_person",
    `WITH credits AS (
      SELECT imdb_id, person_key, 'cast' AS role, cast_order FROM (${castOf("trusted_tmdb_movies")})
      UNION SELECT imdb_id, person_key, 'cast', cast_order FROM (${castOf("trusted_tmdb_series")})
      UNION SELECT imdb_id, person_key, 'director', NULL FROM (${directorsOf}))
    SELECT t.title_key, c.person_key, c.role, min(c.cast_order) AS cast_order
    FROM credits c JOIN dim_title t ON t.imdb_id = c.imdb_id GROUP BY t.title_key, c.person_key, c.role`,
  );
  await table(
    "fact_title_rating",
    `WITH ratings AS (
      SELECT DISTINCT imdb_id, nota_media, numero_votos FROM trusted_movies
      UNION ALL SELECT DISTINCT imdb_id, nota_media, numero_votos FROM trusted_series),
    tmdb AS (
      SELECT imdb_id, popularity, vote_average, vote_count, budget, revenue,
        row_number() OVER (PARTITION BY imdb_id ORDER BY dt DESC) AS newest FROM trusted_tmdb_movies
      UNION ALL
      SELECT imdb_id, popularity, vote_average, vote_count, NULL::BIGINT, NULL::BIGINT,
        row_number() OVER (PARTITION BY imdb_id ORDER BY dt DESC) FROM trusted_tmdb_series)
    SELECT t.title_key, t.release_date_key, r.nota_media AS imdb_rating, r.numero_votos AS imdb_votes,
      m.vote_average AS tmdb_rating, m.vote_count AS tmdb_votes, m.popularity, m.budget, m.revenue
    FROM dim_title t JOIN ratings r ON r.imdb_id = t.imdb_id
    LEFT JOIN tmdb m ON m.imdb_id = t.imdb_id AND m.newest = 1`,
  );
});

// The demo's SQL cells, each read to the end as a cell's first page would be.
await timed("sql", async () => {
  for (const query of [
    `WITH horror_titles AS (SELECT DISTINCT id, CAST(anoLancamento AS INTEGER) AS year, CAST(notaMedia AS DOUBLE) AS rating
       FROM ${csv(path.join(raw, "Movies/2026/11/25/movies.csv"))} WHERE genero LIKE '%Horror%')
     SELECT (year // 10) * 10 AS decade, count(*) AS titles, round(avg(rating), 2) AS avg_rating
     FROM horror_titles GROUP BY decade ORDER BY decade`,
    "SELECT count(*) AS titles, round(avg(imdb_rating), 2) AS avg_rating, sum(imdb_votes) AS votes FROM fact_title_rating",
    `SELECT s.subgenre, count(*) AS titles, round(avg(f.imdb_rating), 2) AS avg_rating, sum(f.imdb_votes) AS votes
     FROM fact_title_rating f JOIN bridge_title_subgenre b ON b.title_key = f.title_key
     JOIN dim_subgenre s ON s.subgenre_key = b.subgenre_key GROUP BY s.subgenre ORDER BY avg_rating DESC`,
    `SELECT s.subgenre, d.decade, f.imdb_votes FROM fact_title_rating f
     JOIN bridge_title_subgenre b ON b.title_key = f.title_key JOIN dim_subgenre s ON s.subgenre_key = b.subgenre_key
     JOIN dim_date d ON d.date_key = f.release_date_key`,
    "SELECT d.decade, t.kind, t.title FROM dim_title t JOIN dim_date d ON d.date_key = t.release_date_key LIMIT 1000",
    `SELECT t.title, t.release_year, f.budget, f.revenue, f.imdb_rating FROM fact_title_rating f
     JOIN dim_title t ON t.title_key = f.title_key WHERE f.budget IS NOT NULL AND f.revenue IS NOT NULL`,
  ]) {
    await sql.runAndReadAll(query);
  }
});
sql.closeSync();
db.closeSync();
process.stdout.write(`${JSON.stringify({ stages })}\n`);
